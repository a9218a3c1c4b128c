import { type CustomerProfile, moodOf, CHURN_IDS, EventKind, STAGE_IDS } from '../sim';

// A customer's file as it was at the end of an earlier week, rewound from a later file by undoing the changes
// its cause history records after that week. Exact for what every change is logged for: stage and level (each
// event holds the new value and the step), purchases and spend (the till's record), complaints filed and
// churn. Satisfaction is the value before the first later logged change, so it leaves out changes too small to
// log (under 0.01 each); the mood follows from it. Points, growth value and the known profile fields are not
// logged and stay as in the later file. Pure: the replay viewer rewinds files replayed to a season's end.

export function profileAtWeek(p: CustomerProfile, week: number): CustomerProfile {
  const before = p.history.filter((e) => e.week <= week);
  const after = p.history.filter((e) => e.week > week);
  if (after.length === 0) return p;
  const firstAfter = (kind: number) => after.find((e) => e.kind === kind);
  const stageEvent = firstAfter(EventKind.Stage);
  const stage = stageEvent ? STAGE_IDS[Math.round(stageEvent.value - stageEvent.delta)] : p.stage;
  const tierEvent = firstAfter(EventKind.Tier);
  const satEvent = firstAfter(EventKind.Satisfaction);
  const bought = after.filter((e) => e.kind === EventKind.Purchase);
  const filed = after.filter((e) => e.kind === EventKind.Complaint && e.value === 0).length;
  // Churn as of the week: the last churn before it, if the customer is gone at that point.
  const churn = [...before].reverse().find((e) => e.kind === EventKind.Churn);
  const gone = stage === 'churned' && churn !== undefined;
  const purchases = p.purchases - bought.length;
  const spend = bought.reduce((sum, e) => sum + e.value, 0);
  return {
    ...p,
    stage,
    tier: tierEvent ? Math.round(tierEvent.value - tierEvent.delta) : p.tier,
    mood: satEvent ? moodOf(satEvent.value - satEvent.delta) : p.mood,
    purchases,
    spendTotal: Math.max(0, Math.round((p.spendTotal - spend) * 100) / 100),
    // A purchase before the game is not in the log: its week is unknown (-1) once later purchases are undone.
    firstWeek: bought.some((e) => e.week === p.firstWeek) ? -1 : p.firstWeek,
    lastWeek: bought.length === 0 ? p.lastWeek : (before.filter((e) => e.kind === EventKind.Purchase).pop()?.week ?? -1),
    complaints: p.complaints - filed,
    churnReason: gone ? CHURN_IDS[churn.value] : 'none',
    churnWeek: gone ? churn.week : -1,
    history: before,
  };
}
