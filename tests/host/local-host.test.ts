// The simulation host: what doing nothing scores on the loaded game's scenario and seed, season by season.
import { describe, expect, it } from 'vitest';
import { createLocalHost } from '../../src/host/local-host';
import { Decisions } from '../../src/scenario/decisions';
import { fold } from '../../src/sim';
import { botSeasons, smallBubbleTea } from '../sim/helpers';

describe('the local host', () => {
  it("gives doing nothing's season scores on the same seed, one per season played", async () => {
    const sc = smallBubbleTea(400);
    const plans = botSeasons('textbook', sc);
    const host = createLocalHost();
    await expect(host.baseline()).rejects.toThrow(/no game loaded/);
    await host.load(sc, 'base', plans.slice(0, 2));
    const nothing = fold(sc, 'base', Array.from({ length: sc.seasons }, () => Decisions.parse({})));
    expect(await host.baseline()).toEqual(nothing.reports.slice(0, 2).map((r) => r.score));
    await host.step(plans[2]);
    expect(await host.baseline()).toEqual(nothing.reports.slice(0, 3).map((r) => r.score));
    await host.load(sc, 'other seed', plans.slice(0, 1));
    expect((await host.baseline())[0]).toEqual(fold(sc, 'other seed', [Decisions.parse({})]).reports[0].score);
  });
});

describe("a customer's file from the host", () => {
  it("carries the store model's CLV estimate, the same figure as the exported database", async () => {
    const { customersCsv } = await import('../../src/host/database-export');
    const { readCsvRecords } = await import('../../src/analytics/csv');
    const sc = smallBubbleTea(600);
    const host = createLocalHost();
    await host.load(sc, 'clv', botSeasons('textbook', sc).slice(0, 2));
    const csv = customersCsv((await import('../../src/sim')).fold(sc, 'clv', botSeasons('textbook', sc).slice(0, 2)).state);
    const row = readCsvRecords(csv.slice(1), ['customer_id', 'clv']).records.find((r) => r.values.clv !== '')!;
    const id = Number(row.values.customer_id.slice(1));
    const file = await host.customer(id);
    expect(file?.clv).toBeCloseTo(Number(row.values.clv), 1);
  });
});
