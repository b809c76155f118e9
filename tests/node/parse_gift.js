// Reads GIFT on standard input and prints what gift-pegjs parsed, as JSON.
// Used by tests/export_readers.py to read lessonkit's GIFT export with an independent parser.
const gift = require("gift-pegjs");

let source = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (source += chunk));
process.stdin.on("end", () => {
  process.stdout.write(JSON.stringify(gift.parse(source)));
});
