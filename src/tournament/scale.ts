import type { Scenario } from '../scenario/schema';

// A smaller copy of a market for the tournament: k = size / original size. Everything that grows with the
// number of people grows with k — the population, the staff's capacity, the season budget and the fixed costs
// a store pays per week (staff, information activities, the AI assistant) — while per-customer costs and every
// rate stay as they are. Scores are ratios (shares of customers, profit against revenue, residual value against
// the start), so a market of k× the people with k× the money plays the same game with more sampling noise.

export function scaledScenario(sc: Scenario, maxSize: number): Scenario {
  if (sc.population.size <= maxSize) return sc;
  const k = maxSize / sc.population.size;
  return {
    ...sc,
    budgetPerSeason: sc.budgetPerSeason * k,
    population: { ...sc.population, size: maxSize },
    store: { ...sc.store, capacityPerWeek: sc.store.capacityPerWeek * k },
    costs: {
      ...sc.costs,
      staffWeek: sc.costs.staffWeek * k,
      infoActivityWeek: sc.costs.infoActivityWeek * k,
      aiAssistantWeek: sc.costs.aiAssistantWeek * k,
    },
  };
}
