// 客户生命周期 as the till's records show it (course unit 2): the store never sees how a customer feels, only
// when and how often they bought, so the stage a plan can aim at is read from the purchase count and the
// early-warning rule. 考察期: tried once; 形成期: came back, not yet a habit; 稳定期: a regular; 退化期: on the
// long-absence list, whatever came before.

export const RECORDED_STAGES = ['exploration', 'formation', 'stability', 'decline'] as const;
export type RecordedStage = (typeof RECORDED_STAGES)[number];

/** Purchase-days from which a customer counts as a regular (稳定期). */
export const REGULAR_FROM = 4;

export function recordedStage(purchaseDays: number, longAbsent: boolean): RecordedStage {
  if (longAbsent) return 'decline';
  if (purchaseDays <= 1) return 'exploration';
  return purchaseDays < REGULAR_FROM ? 'formation' : 'stability';
}
