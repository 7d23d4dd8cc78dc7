// Fixture for inline suppressions in JavaScript.
const exampleKey = "AKIAIOSFODNN7EXAMPLE"; // clad:ignore data/hardcoded-secret documented example key
// clad:allow code/eval expressions come from our own constant table
const v = eval(table[name]);
/* clad:ignore data/* generated sample data */
const sample = "c2FtcGxl";
const w = eval(event.body); // clad:ignore code/eval
const x = eval(event.body); // clad:ignore code/sql-injection unrelated rule
const y = eval(event.body);
