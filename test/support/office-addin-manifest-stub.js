// office-addin-mock imports office-addin-manifest, whose ESM-only dependency Jest cannot load; the mock never uses it.
module.exports = {};
