import { OBJECTION_KINDS, OBJECTION_PRESENT_STEP, objectionStepQuality, type ObjectionKindId } from '../sim';
import type { DialogueScript } from './dialogue';
import { pick, t } from './i18n';

// The sales script (客户开发, course unit 3) as scripts for the dialogue engine: a prospect the campaign reached
// raises an objection before the first purchase, and the student answers it one LSCPA step at a time (倾听 listen,
// 分担 share, 澄清 clarify, 陈述 present, 要求 ask). What the prospect says, the answers and what each answer does
// are here as data, in both languages; the answers' qualities are the engine's (objectionStepQuality in
// src/sim/objections.ts), never copied here, so the feedback and what the season simulates always agree. The
// answers are in the engine's order: option k here is option k there. The present step's answers are the
// objection's own; the other steps mean the same for every objection, a few worded by what the prospect said.

type Text = { zh: string; en: string };
type Four = readonly [Text, Text, Text, Text];

export interface ObjectionScript {
  /** What the prospect says at each of the five steps; the first line is the objection itself. */
  lines: readonly [Text, Text, Text, Text, Text];
  /** Listen, fourth answer: agreeing at once, in this objection's words. */
  agree: Text;
  /** Share, second answer: "that is not true", in this objection's words. */
  deny: Text;
  /** The four answers of the present step, in the engine's order (PRESENT_BY_OBJECTION's row). */
  present: Four;
  /** What each of them does, in the same order. */
  presentFeedback: Four;
}

/** The five LSCPA steps and the four answers of each. */
const STEP_IDS = [0, 1, 2, 3, 4] as const;
const OPTION_IDS = [0, 1, 2, 3] as const;
/** Worded by the objection: listen's fourth answer (agree at once) and share's second ("that is not true"). */
const AGREE = [0, 3] as const;
const DENY = [1, 1] as const;

export const OBJECTION_SCRIPTS: Record<ObjectionKindId, ObjectionScript> = {
  price: {
    lines: [
      { zh: '看着是不错，可是太贵了吧。隔壁那家便宜多了。', en: 'It looks nice, but it’s too expensive. The place next door is much cheaper.' },
      { zh: '我每个月就这么点钱，得花在刀刃上。', en: 'I only have so much to spend each month; I have to be careful with it.' },
      { zh: '也不是买不起……就是不知道这个钱花得值不值。', en: 'It’s not that I can’t afford it… I just don’t know whether it’s worth the money.' },
      { zh: '那你说说，贵在哪儿？', en: 'So tell me: why does it cost that much?' },
      { zh: '嗯……要真像你说的这样，倒也不算太贵。', en: 'Hmm… if it really is as you say, maybe it isn’t that expensive.' },
    ],
    agree: { zh: '马上附和：“是啊，确实不便宜。”', en: 'Agree at once: “Yes, it is a lot.”' },
    deny: { zh: '“不会啊，我们一点都不贵。”', en: '“That’s not true, we’re not expensive at all.”' },
    present: [
      { zh: '马上给个折扣', en: 'Offer a discount at once' },
      { zh: '算一算每次用下来花多少钱，讲清价格里包含了什么', en: 'Work out what it costs per use and say what the price includes' },
      { zh: '“一分钱一分货。”', en: '“Quality costs.”' },
      { zh: '“嫌贵可以去便宜的地方。”', en: '“Then try somewhere cheaper.”' },
    ],
    presentFeedback: [
      {
        zh: '折扣能留住一部分人，但让价格显得本来就虚高，利润也让掉了；对方问的是值不值，不是能不能便宜。',
        en: 'A discount wins some over, but it makes the price look inflated and gives away margin; they asked whether it is worth it, not for less.',
      },
      {
        zh: '“太贵”最好的回答：把价格换算成每次的花费、说清包含的东西，让对方自己看到价值（陈述：用对方的标准讲价值）。',
        en: 'The best answer to “too expensive”: the cost per use and what is included let them see the value for themselves (Present: value in their terms).',
      },
      {
        zh: '道理没错，但只是一句口号：对方听不到这笔钱到底换来什么。',
        en: 'True enough, but only a slogan: they still don’t hear what the money buys.',
      },
      {
        zh: '等于把客户推给对手，还让他觉得受了冒犯：这单丢了，口碑也受损。',
        en: 'It sends them to a rival and offends them too: the sale is lost, and so is some goodwill.',
      },
    ],
  },
  later: {
    lines: [
      { zh: '我再看看吧，不着急。', en: 'I’ll think about it. No rush.' },
      { zh: '上次被店员一通推销，买回去就后悔了。', en: 'Last time a salesperson talked me into something, and I regretted it straight away.' },
      { zh: '主要是不知道适不适合我，怕买了用不上。', en: 'Mostly I don’t know whether it suits me; I’m afraid I’d buy it and never use it.' },
      { zh: '那有什么办法让我放心？', en: 'So how can you put my mind at rest?' },
      { zh: '要真是这样……我倒是可以考虑一下。', en: 'If that’s really so… I might consider it.' },
    ],
    agree: { zh: '马上附和：“好的，那您再看看。”', en: 'Agree at once: “Sure, have a think.”' },
    deny: { zh: '“没什么好考虑的，买过的都说好。”', en: '“There’s nothing to think about; everyone who bought it loves it.”' },
    present: [
      { zh: '催对方现在就定下来', en: 'Press them to decide now' },
      { zh: '递一份宣传单让他带回去看', en: 'Hand them a leaflet to take home' },
      { zh: '请他免费试一次，不用做任何承诺', en: 'Offer a free trial with no commitment' },
      { zh: '提醒折扣今天就截止', en: 'Point out a discount that ends today' },
    ],
    presentFeedback: [
      {
        zh: '对方怕的正是被推着买：一催，疑虑变成戒心，人就走了。',
        en: 'Being pushed is exactly what they fear: pressure turns doubt into suspicion, and they leave.',
      },
      {
        zh: '给了考虑的材料，也没有压力；但单子带回家，多半就被忘了。',
        en: 'Something to think it over with, and no pressure; but a leaflet taken home is mostly forgotten.',
      },
      {
        zh: '“再看看”最好的回答：免费、不用承诺的试用直接打消“怕不适合”的顾虑（陈述：降低对方的风险）。',
        en: 'The best answer to “I’ll think about it”: a free trial with no commitment removes the fear that it won’t suit them (Present: take away their risk).',
      },
      {
        zh: '给“再看看”加了时限，有人会被推一把，但不放心的人只会更不放心。',
        en: 'A deadline pushes a few into buying, but those who weren’t sure become less sure.',
      },
    ],
  },
  time: {
    lines: [
      { zh: '我没时间，每天忙得团团转。', en: 'I don’t have time. I’m rushed off my feet every day.' },
      { zh: '上班上课、家里一堆事，吃饭都是挤出来的时间。', en: 'Work, classes, things at home: I barely find time to eat.' },
      { zh: '主要是怕排队、怕耽误事，一来就是半天。', en: 'Mostly I’m afraid of queues and of losing half a day every time I come.' },
      { zh: '我这么忙，那要怎么弄？', en: 'So, as busy as I am, how would it work?' },
      { zh: '要是真这么省事，我可以试试。', en: 'If it really is that easy, I could try it.' },
    ],
    agree: { zh: '马上附和：“是啊，大家都忙。”', en: 'Agree at once: “Yes, everyone is busy.”' },
    deny: { zh: '“不会的，这点时间谁都有。”', en: '“That’s not true, everyone has that much time.”' },
    present: [
      { zh: '说明只要多少时间，按他方便的时间预约', en: 'Show how little time it takes, booked around them' },
      { zh: '告诉他营业时间', en: 'Tell them the opening hours' },
      { zh: '“时间挤挤总会有的，值得。”', en: '“Make time, it’s worth it.”' },
      { zh: '推荐用小程序提前下单', en: 'Suggest the app to order ahead' },
    ],
    presentFeedback: [
      {
        zh: '“没时间”最好的回答：说清只占用多少时间，再按对方的日程来安排，正好回应了怕排队、怕耽误的顾虑（陈述：方案贴合对方）。',
        en: 'The best answer to “no time”: how little time it takes, fitted to their schedule, meets the fear of queues and lost time head on (Present: a fit to them).',
      },
      {
        zh: '信息没错，但忙的人要的不是营业时间，而是“不耽误我”的办法。',
        en: 'Accurate, but a busy person needs a way that doesn’t cost them time, not the opening hours.',
      },
      {
        zh: '等于说对方的难处不算数：被教训的人不会买。',
        en: 'It tells them their problem doesn’t count: nobody buys after a lecture.',
      },
      {
        zh: '省了排队的时间，方向对了；但没讲清总共要花多少时间，也没按他的日程来。',
        en: 'It saves the queue, the right idea; but it doesn’t say how little time it takes or fit it to their day.',
      },
    ],
  },
  useless: {
    lines: [
      { zh: '我觉得没什么用，我用不上。', en: 'I don’t think I need it. It’s no use to me.' },
      { zh: '家里类似的东西一大堆，最后都放着落灰。', en: 'I’ve got lots of things like that at home, all gathering dust.' },
      { zh: '其实我就是想省心一点，别的都无所谓。', en: 'What I really want is less hassle; nothing else matters to me.' },
      { zh: '那它对我到底有什么用？', en: 'So what would it actually do for me?' },
      { zh: '要是真能帮上这个忙，那倒可以。', en: 'If it really helps with that, then maybe.' },
    ],
    agree: { zh: '马上附和：“也是，不是人人都需要。”', en: 'Agree at once: “True, not everyone needs it.”' },
    deny: { zh: '“怎么会没用？您肯定用得上。”', en: '“Of course it’s useful; you’ll definitely need it.”' },
    present: [
      { zh: '把功能一条条列出来', en: 'List the features one by one' },
      { zh: '“大家都在买。”', en: '“Everybody buys it.”' },
      { zh: '送一份小样，让他自己试试', en: 'Give them a sample to try' },
      { zh: '针对他刚说的需要，讲清它能帮他做什么', en: 'Show what it does for the need they just named' },
    ],
    presentFeedback: [
      {
        zh: '功能再多，和对方的需要对不上也是白说：他要的是省心，不是一张清单。',
        en: 'Features that don’t meet their need are wasted words: they want less hassle, not a list.',
      },
      {
        zh: '别人买不买和他有没有用无关，还显得在施压：“没用”的感觉更强了。',
        en: 'What others buy says nothing about their need, and it sounds like pressure: the “no use to me” only hardens.',
      },
      {
        zh: '让对方自己体验，比说什么都有力；但没有把东西和他说的需要联系起来。',
        en: 'Trying it speaks louder than words; but it doesn’t connect the product with the need they named.',
      },
      {
        zh: '“没用”最好的回答：抓住对方在澄清时说出的需要，讲清它怎样满足这个需要（陈述：以需要为中心）。',
        en: 'The best answer to “I don’t need it”: take the need they named when you clarified and show how it meets that need (Present: built on their need).',
      },
    ],
  },
};

/**
 * The answers of the listen, share, clarify and ask steps, in the engine's order (the present step's are the
 * objection's). Listen's fourth and share's second are shown in the objection's words (agree, deny above).
 */
export const STEP_OPTIONS: readonly (readonly Text[])[] = [
  [
    { zh: '不等对方说完，马上反驳', en: 'Rebut it before they finish' },
    { zh: '让对方把话说完，记下他担心的是什么', en: 'Let them finish, and note what worries them' },
    { zh: '当没听见，接着介绍产品', en: 'Carry on with the pitch as if nothing was said' },
    { zh: '马上附和对方', en: 'Agree with them at once' },
  ],
  [
    { zh: '照着话术说：“我理解您的感受。”', en: 'Say the scripted line: “I understand how you feel.”' },
    { zh: '“不是这样的。”', en: '“That’s not true.”' },
    { zh: '“很多客户一开始也是这么想的。”', en: '“Many of our customers felt the same at first.”' },
    { zh: '“优惠今天就结束了。”', en: '“The offer ends today.”' },
  ],
  [
    { zh: '认定就是钱的问题，直接问预算多少', en: 'Assume it is about the price and ask their budget' },
    { zh: '问清楚背后的原因，再用自己的话复述，请对方确认', en: 'Ask what lies behind it, then restate it in your own words for them to confirm' },
    { zh: '跟对方争论，说这个理由站不住', en: 'Argue that the objection doesn’t hold' },
    { zh: '不再多问，直接报优惠方案', en: 'Skip the questions and go straight to the offer' },
  ],
  [],
  [
    { zh: '直接问：“那您买不买？”', en: 'Ask straight out: “So, will you buy?”' },
    { zh: '什么都不提，让对方走', en: 'Let them go without asking for anything' },
    { zh: '征得同意，过几天再联系他', en: 'Ask whether you may follow up in a few days' },
    { zh: '请对方先迈一小步：先试一次，或先预约', en: 'Ask for a small first step: a trial, or a booking' },
  ],
];

/** What each of those answers does, in the course's terms, in the same order. */
export const STEP_FEEDBACK: readonly (readonly Text[])[] = [
  [
    {
      zh: '话没听完就反驳，对方觉得自己被否定了，只会更坚持原来的说法。',
      en: 'Rebutting before they finish tells them they are wrong; they only dig in.',
    },
    {
      zh: '让对方说完并记下真正的顾虑：异议往往是购买信号，听清了才知道怎么回答（倾听）。',
      en: 'Letting them finish and noting the real worry: an objection is often a buying signal, and you must hear it to answer it (Listen).',
    },
    {
      zh: '对异议充耳不闻，对方会觉得你只想卖东西、不在乎他，基本就走了。',
      en: 'Ignoring the objection says you only want the sale, not them; most walk away.',
    },
    {
      zh: '表示了体谅，但马上附和等于认同了异议，后面很难再回到价值上。',
      en: 'It shows some sympathy, but agreeing at once endorses the objection, and it is hard to get back to the value.',
    },
  ],
  [
    {
      zh: '有点帮助，但套话听得出来：对方感到的是话术，不是理解。',
      en: 'It helps a little, but a set phrase sounds like one: they hear a script, not understanding.',
    },
    {
      zh: '直接否定对方的感受，就站到了他的对立面：他要么争下去，要么走人。',
      en: 'Denying how they feel puts you against them: they either argue on or leave.',
    },
    {
      zh: '“别人也这么想过，后来发现……”：承认这种感受很正常，让对方不再戒备（分担：感受—感觉—发现）。',
      en: '“Others felt the same, and found…”: saying the feeling is normal lowers their guard (Share: feel, felt, found).',
    },
    {
      zh: '顾虑还没接住就施压，对方的情绪被晾在一边：分担这一步等于跳过了。',
      en: 'Pressure before the worry is shared leaves their feelings aside: the Share step is simply skipped.',
    },
  ],
  [
    {
      zh: '猜测代替了询问：猜对了有点用，猜错了就答非所问。',
      en: 'A guess instead of a question: useful if right, beside the point if wrong.',
    },
    {
      zh: '问清真实原因并复述确认，才知道异议背后到底是什么，后面的陈述才能对准（澄清）。',
      en: 'Asking the real reason and restating it shows what lies behind the objection, so what you present can hit it (Clarify).',
    },
    {
      zh: '争赢了道理，输掉了客户：被驳倒的人不会掏钱。',
      en: 'Win the argument, lose the customer: people proven wrong don’t buy.',
    },
    {
      zh: '不清楚对方在意什么就给方案，多半对不上他的顾虑。',
      en: 'An offer before you know what they care about usually misses their worry.',
    },
  ],
  [],
  [
    {
      zh: '敢于提出要求是对的，但一步到“买不买”，还在犹豫的人往往会说“不”。',
      en: 'Asking is right, but going straight to “will you buy?” gets a “no” from those still unsure.',
    },
    {
      zh: '前面做得再好，不提要求就没有成交：对方带着好印象走了，多半不会回来。',
      en: 'However well it went, no ask means no sale: they leave with a good impression and mostly don’t come back.',
    },
    {
      zh: '保住了联系，留下再谈的机会；不过今天没有拿到任何承诺。',
      en: 'It keeps the contact and a chance to talk again, but wins no commitment today.',
    },
    {
      zh: '要求一个容易答应的小承诺（试一次、先预约），最容易变成第一次购买（要求：请对方行动）。',
      en: 'A small, easy commitment (one trial, a booking) turns most readily into a first purchase (Ask: ask them to act).',
    },
  ],
];

/** Who the prospect is, as far as the dialogue needs it. */
export interface Prospect {
  kind: ObjectionKindId;
  /** The customer group the campaign aims at, in the player's language; undefined for everybody. */
  segment?: string;
}

/** The text of answer `o` at `step` of an objection's script (the engine's order). */
export function optionText(kind: ObjectionKindId, step: number, o: number): Text {
  const data = OBJECTION_SCRIPTS[kind];
  if (step === OBJECTION_PRESENT_STEP) return data.present[o];
  if (step === AGREE[0] && o === AGREE[1]) return data.agree;
  if (step === DENY[0] && o === DENY[1]) return data.deny;
  return STEP_OPTIONS[step][o];
}

/** What answer `o` at `step` does (the engine's order). */
export function optionFeedback(kind: ObjectionKindId, step: number, o: number): Text {
  return step === OBJECTION_PRESENT_STEP ? OBJECTION_SCRIPTS[kind].presentFeedback[o] : STEP_FEEDBACK[step][o];
}

/** The objection as a dialogue script: lines, answers, feedback and the engine's qualities, in the player's language. */
export function objectionScript(who: Prospect): DialogueScript {
  const kind = OBJECTION_KINDS.includes(who.kind) ? who.kind : 'price';
  const k = OBJECTION_KINDS.indexOf(kind);
  const data = OBJECTION_SCRIPTS[kind];
  return {
    key: `objection-${kind}`,
    speaker: who.segment ? t('objections.speakerOf', { segment: who.segment }) : t('objections.speaker'),
    steps: STEP_IDS.map((step) => ({
      title: t(`featured.step.${step}`),
      line: pick(data.lines[step]),
      options: OPTION_IDS.map((o) => ({
        id: o,
        text: pick(optionText(kind, step, o)),
        feedback: pick(optionFeedback(kind, step, o)),
        quality: objectionStepQuality(k, step, o),
      })),
    })),
  };
}
