// What each week of a season leaves for the report and the world view: counts, and a sample of the visitors.

export interface WeekStats {
  week: number;
  visits: number;
  acquired: number;
  churned: number;
  complaints: number;
  /** Whether the store's data leaked this week (information.ts). */
  dataIncident: boolean;
  /** The regulator fined the store this week for profiles held without consent (information.ts). */
  regulatorFine: number;
  /** The regulator's fine this week for collecting without adequate security (security.ts). */
  securityFine: number;
  /** This week's visits over the staff's capacity (1 = full; above 1 the queue grows). */
  load: number;
  byStage: number[];
  /** An unbiased sample of this week's visitors, for the world view. */
  visitors: Visitor[];
}

export interface Visitor {
  id: number;
  stage: number;
  /** 0 upset, 1 neutral, 2 content, 3 delighted. */
  mood: number;
  complained: boolean;
}
