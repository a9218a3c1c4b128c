import type { LeverArea, Scenario } from '../scenario/schema';
import type { GameMetrics } from './metrics';

// The course's lessons as checks on one seed of one scenario. Each compares strategies on the SAME seed —
// the same people with the same dice (common random numbers) — so a difference is the decision's doing.
// A lesson is evaluated only on scenarios that offer every lever area it needs (and, where it says so, a
// competitor event); its hold fraction is the share of those (scenario, seed) pairs on which all its parts hold.

export interface Lesson {
  id: string;
  text: string;
  levers: readonly LeverArea[];
  /** Needs a competitor entry or promotion in the scenario. */
  competitor?: boolean;
  /** Only where the scenario teaches this course unit (its `units`). */
  unit?: number;
  bots: readonly string[];
  holds(m: (bot: string) => GameMetrics): boolean;
}

const rate = (x: { attempts: number; won: number }) => (x.attempts > 0 ? x.won / x.attempts : 0);

export const DEGENERATE = ['passive', 'discount-all', 'spam', 'ignore-complaints', 'all-acquisition'] as const;

export const LESSONS: readonly Lesson[] = [
  {
    id: 'complaints',
    text: 'Fast, empowered complaint handling keeps more customers and leaves them more satisfied than slow handling.',
    levers: ['complaints'],
    bots: ['textbook', 'slow-complaints'],
    holds: (m) => {
      const fast = m('textbook');
      const slow = m('slow-complaints');
      // Customers lost of their own accord (after unresolved complaints, poor service): the loss complaint handling
      // can prevent. Speed costs staff time (complaints.ts); whether it repays depends on how many complain.
      return fast.ownChurn < slow.ownChurn && fast.satisfaction > slow.satisfaction;
    },
  },
  {
    id: 'hand-over',
    text:
      'An AI assistant that hands serious and repeat complaints, and the customers who want a person, to staff keeps ' +
      'more customers and leaves them more satisfied than one that answers everything itself.',
    levers: ['complaints'],
    // Where the scenario is about the assistant (unit 10, technology for good): elsewhere a few complaints a week
    // leave the hand-over rule's effect inside the noise of one seed.
    unit: 10,
    bots: ['ai-service', 'ai-only'],
    holds: (m) => {
      const rule = m('ai-service');
      const alone = m('ai-only');
      return rule.ownChurn < alone.ownChurn && rule.satisfaction > alone.satisfaction && rule.total > alone.total;
    },
  },
  {
    id: 'over-contact',
    text: 'Contacting customers beyond their tolerance lowers satisfaction compared with moderate care.',
    levers: ['care'],
    bots: ['textbook', 'over-contact'],
    holds: (m) => m('over-contact').satisfaction < m('textbook').satisfaction,
  },
  {
    id: 'discounts',
    text:
      'Deep discounts for everyone raise short-term visits but lose to differentiated tiering on total score, ' +
      'and the customers they win leave for a competitor more often than the customers the store already had.',
    levers: ['pricing', 'tiers'],
    competitor: true,
    bots: ['passive', 'discount-all', 'member-tiers'],
    holds: (m) => {
      const d = m('discount-all');
      return (
        d.visitsSeason1 > m('passive').visitsSeason1 &&
        d.total < m('member-tiers').total &&
        d.competitorChurnWon > d.competitorChurnHad
      );
    },
  },
  {
    id: 'tiers',
    text:
      'Differentiated tiers keep more high-value customers than no tiers; starving the lowest tier below the ' +
      'fairness floor lowers satisfaction and reputation.',
    levers: ['tiers'],
    bots: ['textbook', 'no-tiers', 'starve-base'],
    holds: (m) => {
      const t = m('textbook');
      const starve = m('starve-base');
      return (
        t.highValueKept > m('no-tiers').highValueKept &&
        starve.satisfaction < t.satisfaction &&
        starve.reputationEnd < t.reputationEnd
      );
    },
  },
  {
    id: 'fit',
    text: 'Acquiring ill-fitting segments raises churn and lowers profit compared with targeted acquisition.',
    levers: ['acquisition'],
    bots: ['textbook', 'ill-fit'],
    holds: (m) => {
      const ill = m('ill-fit');
      const t = m('textbook');
      // Churn of the customers each campaign brought in, and the game's profit.
      return ill.campaignChurnRate > t.campaignChurnRate && ill.profit < t.profit;
    },
  },
  {
    id: 'objections',
    text:
      'Sales objections answered the LSCPA way (listen, share, clarify, present, ask for a small step) turn more of ' +
      'the prospects a campaign reaches into customers than a hard sell, and the game scores higher.',
    levers: ['acquisition'],
    bots: ['textbook', 'pushy-sales'],
    holds: (m) => {
      const t = m('textbook');
      const pushy = m('pushy-sales');
      return t.acquiredCampaign > pushy.acquiredCampaign && t.total > pushy.total;
    },
  },
  {
    id: 'win-back',
    text:
      'Win-back succeeds more often for customers who left over the store\'s own failings, which it can put right, ' +
      'than for those lured or bought away by a rival or whose needs ended.',
    levers: ['retention'],
    competitor: true,
    bots: ['win-back'],
    holds: (m) => {
      const w = m('win-back');
      // Few customers leave for a rival where the store serves well, so those lost to a rival and those whose needs
      // ended are taken together: the customers a letter cannot give back what they left over.
      const others = { attempts: w.winBackPrice.attempts + w.winBackNatural.attempts, won: w.winBackPrice.won + w.winBackNatural.won };
      return w.winBackService.attempts > 0 && others.attempts > 0 && rate(w.winBackService) > rate(others);
    },
  },
  {
    id: 'information',
    text: 'Collecting information with consent improves the results of targeted care; aggressive collection risks trust.',
    levers: ['information', 'care'],
    bots: ['textbook', 'no-info', 'aggressive-data'],
    holds: (m) => {
      const t = m('textbook');
      const none = m('no-info');
      return t.targetedCare > none.targetedCare && t.loyalty > none.loyalty && m('aggressive-data').trustEnd < t.trustEnd;
    },
  },
  {
    id: 'consent',
    text:
      'Collecting on implied consent to save the security spending is never a cheap trade-off: the regulator\'s fines, ' +
      'deleted profiles and lost trust leave it below the textbook\'s explicit consent on total score.',
    levers: ['information'],
    bots: ['textbook', 'implied-consent'],
    holds: (m) => m('implied-consent') === m('textbook') || m('textbook').total > m('implied-consent').total,
  },
  {
    id: 'targeted-care',
    text:
      'Aiming costly personal care at the A and B customers of the store\'s ABC analysis, instead of calling everyone, ' +
      'spends less on care for about the same score and keeps about as many high-value customers.',
    levers: ['care'],
    bots: ['phone-care', 'targeted-care'],
    holds: (m) => {
      const all = m('phone-care');
      const aimed = m('targeted-care');
      // "About as many": within 5% of the high-value customers the blanket calls keep (hidden truth, same people).
      // "About the same score": within half a point. Calls to class C are not worthless — new customers who will be
      // valuable have not spent much yet — but they buy little for what they cost.
      return aimed.careCost < all.careCost && aimed.highValueKept >= 0.95 * all.highValueKept && aimed.total > all.total - 0.5;
    },
  },
  {
    id: 'staff',
    text: 'Staff training and empowerment raise perceived quality and satisfaction.',
    levers: ['staff'],
    bots: ['textbook', 'no-training'],
    holds: (m) => {
      const t = m('textbook');
      const none = m('no-training');
      return t.quality > none.quality && t.satisfaction > none.satisfaction;
    },
  },
  {
    id: 'over-promise',
    text: 'Over-promising in advertising raises acquisition but lowers satisfaction.',
    levers: ['acquisition'],
    bots: ['textbook', 'overpromise'],
    holds: (m) => {
      const o = m('overpromise');
      const t = m('textbook');
      return o.acquiredSeason1 > t.acquiredSeason1 && o.satisfaction < t.satisfaction;
    },
  },
  {
    id: 'measure',
    text: 'Measure, then act: a survey whose detractors are called back scores higher than acting blind.',
    levers: ['survey'],
    bots: ['textbook', 'no-survey'],
    holds: (m) => m('textbook').total > m('no-survey').total,
  },
  ...interiorOptimum('training', 'staff', 'no-training', 'train-all'),
  ...interiorOptimum('contacts', 'care', 'no-care', 'over-contact'),
  ...interiorOptimum('compensation', 'complaints', 'no-compensation', 'rich-compensation'),
  ...interiorOptimum('member price', 'tiers', 'no-member-price', 'deep-member-price'),
  {
    id: 'textbook',
    text:
      'The textbook strategy beats every degenerate one (do nothing, discount everything, contact everyone ' +
      'constantly, ignore complaints, spend the whole budget on acquisition) on total score.',
    levers: [],
    bots: ['textbook', ...DEGENERATE],
    holds: (m) => {
      // A shortcut the scenario cannot express (its lever area is not offered) plays the textbook's own plan and
      // shares its result object: it is not a different strategy there, so it is not compared.
      const t = m('textbook');
      return DEGENERATE.every((b) => m(b) === t || t.total > m(b).total);
    },
  },
];

/**
 * A sanity check that a lever saturates: the textbook's moderate setting beats both ends of the lever (none, and
 * all-in), so neither doing without it nor pushing it to the limit is the best play.
 */
function interiorOptimum(lever: string, area: LeverArea, none: string, allIn: string): Lesson[] {
  return [
    {
      id: `optimum-${lever.replace(' ', '-')}`,
      text: `Sanity check: ${lever} has an interior optimum (the textbook's moderate setting beats none and all-in on total).`,
      levers: [area],
      bots: ['textbook', none, allIn],
      holds: (m) => {
        const t = m('textbook');
        return (m(none) === t || t.total > m(none).total) && (m(allIn) === t || t.total > m(allIn).total);
      },
    },
  ];
}

export function lessonApplies(lesson: Lesson, sc: Scenario): boolean {
  // A lesson compares whole games: it is judged where its areas are open from the first season. A staged scenario
  // (the tutorial, whose areas open season by season in a small market made for reading) is played for the
  // table but judges no lesson.
  if (sc.opens && Object.keys(sc.opens).length > 0) return false;
  if (!lesson.levers.every((a) => sc.levers.includes(a))) return false;
  if (lesson.competitor && !sc.events.some((e) => e.kind === 'competitor-entry' || e.kind === 'competitor-promo')) return false;
  if (lesson.unit !== undefined && !sc.units.includes(lesson.unit)) return false;
  return true;
}
