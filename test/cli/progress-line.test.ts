import { progressLine } from "../../cli/progress-line";

function recorder(isTerminal: boolean) {
  const written: string[] = [];
  let time = 0;
  return { written, stream: { write: (text: string) => void written.push(text), isTerminal }, at: (ms: number) => (time = ms), now: () => time };
}

describe("progress of long work", () => {
  it("on a terminal, stays quiet for two seconds, then redraws one line in place and clears it at the end", () => {
    const r = recorder(true);
    const line = progressLine("synth", r.stream, { forced: false, now: r.now });
    r.at(1500);
    line.update(10, 1005);
    expect(r.written).toEqual([]);
    r.at(2500);
    line.update(400, 1005, "380 from cache");
    r.at(2550);
    line.update(401, 1005, "380 from cache");
    r.at(2700);
    line.update(1005, 1005, "380 from cache");
    line.finish();
    expect(r.written).toEqual([
      "\r\u001b[2Ksynth: 400/1005 stacks (380 from cache), 2.5 s",
      "\r\u001b[2Ksynth: 1005/1005 stacks (380 from cache), 2.7 s",
      "\r\u001b[2K",
    ]);
  });

  it("in a log, says nothing unless asked; when asked, a plain line every five seconds", () => {
    const quiet = recorder(false);
    const silent = progressLine("audit", quiet.stream, { forced: false, now: quiet.now });
    quiet.at(9000);
    silent.update(5, 10);
    silent.finish();
    expect(quiet.written).toEqual([]);

    const asked = recorder(false);
    const line = progressLine("synth", asked.stream, { forced: true, now: asked.now });
    for (const ms of [2000, 3000, 7000, 7500]) {
      asked.at(ms);
      line.update(ms / 100, 1000);
    }
    line.finish();
    expect(asked.written).toEqual(["synth: 20/1000 stacks, 2.0 s\n", "synth: 70/1000 stacks, 7.0 s\n"]);
  });

  it("after every stack is done, further steps (the audit's checks) come at the usual pace", () => {
    const log = recorder(false);
    const line = progressLine("audit", log.stream, { forced: true, now: log.now });
    for (const [ms, done, note] of [[2000, 500, undefined], [3000, 1003, undefined], [3500, 1003, "checking connectivity"], [8500, 1003, "checking rbac"], [9000, 1003, "checking mlps"]] as const) {
      log.at(ms);
      line.update(done, 1003, note);
    }
    line.finish();
    expect(log.written).toEqual(["audit: 500/1003 stacks, 2.0 s\n", "audit: 1003/1003 stacks, 3.0 s\n", "audit: 1003/1003 stacks (checking rbac), 8.5 s\n"]);
  });
});
