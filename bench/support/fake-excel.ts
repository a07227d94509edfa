// The counting fake of the Excel JavaScript API, shared with the tests. It stays in test/support (where
// the Office.js tests and their authors keep it); bench reaches it through this re-export, which the
// CLI build (tsconfig.cli.json) compiles into lib/ along with everything bench imports.
export { FakeExcel, fakeRun, type FakeStats } from "../../test/support/fake-excel";
