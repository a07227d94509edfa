// The allocator LibreOffice runs with: chosen by the environment, never changing what it computes.
import { findMimalloc, libreOfficeEnv } from "../../src/adapters/libreoffice/recalc";
import { recalcPlans, cellValue } from "../support/recalc-helpers";
import type { Plan } from "../../src/workbook/plan";

const MIMALLOC = "/usr/lib/x86_64-linux-gnu/libmimalloc.so.2";

describe("libreOfficeEnv", () => {
  it("preloads mimalloc when it is installed, ahead of a preload already set", () => {
    expect(libreOfficeEnv({ PATH: "/usr/bin" }, "mimalloc", MIMALLOC)).toEqual({ PATH: "/usr/bin", LD_PRELOAD: MIMALLOC });
    expect(libreOfficeEnv({ LD_PRELOAD: "/lib/x.so" }, "mimalloc", MIMALLOC).LD_PRELOAD).toBe(`${MIMALLOC}:/lib/x.so`);
  });

  it("falls back to glibc's larger thread cache without mimalloc, keeping other tunables", () => {
    expect(libreOfficeEnv({}, "mimalloc", null)).toEqual({ GLIBC_TUNABLES: "glibc.malloc.tcache_count=65535" });
    expect(libreOfficeEnv({ GLIBC_TUNABLES: "glibc.malloc.arena_max=2" }, "glibc", MIMALLOC)).toEqual({
      GLIBC_TUNABLES: "glibc.malloc.arena_max=2:glibc.malloc.tcache_count=65535",
    });
  });

  it("leaves the environment as it is for system, and reads the choice from SAGSLISTE_LO_ALLOCATOR", () => {
    const base = { SAGSLISTE_LO_ALLOCATOR: "system", LD_PRELOAD: "/lib/x.so" };
    expect(libreOfficeEnv(base, undefined, MIMALLOC)).toEqual(base);
    expect(libreOfficeEnv({ SAGSLISTE_LO_ALLOCATOR: "glibc" }, undefined, MIMALLOC).LD_PRELOAD).toBeUndefined();
    expect(() => libreOfficeEnv({ SAGSLISTE_LO_ALLOCATOR: "jemalloc" })).toThrow(/SAGSLISTE_LO_ALLOCATOR skal være mimalloc, glibc, system/);
  });

  it("does not touch the caller's environment", () => {
    const base = { LD_PRELOAD: "/lib/x.so" };
    libreOfficeEnv(base, "mimalloc", MIMALLOC);
    libreOfficeEnv(base, "glibc", null);
    expect(base).toEqual({ LD_PRELOAD: "/lib/x.so" });
  });
});

describe("LibreOffice under each allocator", () => {
  // The same formulas give the same results whichever allocator LibreOffice runs with.
  const plan: Plan = {
    names: [],
    sheets: [
      {
        name: "Data",
        tables: [
          {
            name: "Tal",
            topLeft: "A1",
            columns: [
              { name: "Gruppe" },
              { name: "Værdi" },
              { name: "Andel", formula: "=Tal[[#This Row],[Værdi]]/SUMIFS(Tal[Værdi],Tal[Gruppe],Tal[[#This Row],[Gruppe]])" },
              { name: "Tekst", formula: '=Tal[[#This Row],[Gruppe]]&"-"&TEXT(Tal[[#This Row],[Værdi]],"0")' },
            ],
            rows: Array.from({ length: 200 }, (_, i) => [["a", "b", "c"][i % 3], i + 1, null, null]),
          },
        ],
      },
    ],
  };

  it.each(["mimalloc", "glibc", "system"] as const)("%s", async (allocator) => {
    if (allocator === "mimalloc" && process.env.CI === "true") expect(findMimalloc()).not.toBeNull();
    const saved = process.env.SAGSLISTE_LO_ALLOCATOR;
    process.env.SAGSLISTE_LO_ALLOCATOR = allocator;
    try {
      const [wb] = await recalcPlans([plan], `allocator-${allocator}`);
      // Group a holds 1, 4, 7, ..., 199 (67 values, sum 6700); the last row is b with 200.
      expect(cellValue(wb, "Data", "C2")).toBeCloseTo(1 / 6700, 12);
      expect(cellValue(wb, "Data", "D201")).toBe("b-200");
    } finally {
      if (saved === undefined) delete process.env.SAGSLISTE_LO_ALLOCATOR;
      else process.env.SAGSLISTE_LO_ALLOCATOR = saved;
    }
  });
});
