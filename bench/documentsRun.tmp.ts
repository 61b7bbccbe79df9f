import scenario from '/work/wt-i14-server/bench/scenarios/documents.ts';
const quick = process.argv.includes('--quick');
const rows = await scenario.run({ quick, say: (l) => console.log(l) });
console.log(JSON.stringify(rows, null, 1));
process.exit(0);
