import { COMPLAINT_KINDS, PRESENT_STEP, stepQuality, type ComplaintKindId } from '../sim';
import type { DialogueScript } from './dialogue';
import { format, pick, t } from './i18n';
import { prefs } from '../store/session';

// The complaint cases as scripts for the dialogue engine: what the customer says at each LSCPA step (by what the
// complaint is about, and whether they are a regular or new), the answers the manager can give, and what each
// answer does, in the course's terms. The answers' qualities are the engine's (src/sim/featured.ts), never copied
// here, so the feedback and the outcome the season simulates always agree. The present step's remedies are the
// complaint kind's own; the other steps' answers are the same for every kind (locale keys featured.<step>.<option>).

type Text = { zh: string; en: string };

interface KindScript {
  /** The customer's opening (the listen step): a regular names how often they come, a newcomer that it was the first time. */
  opening: { regular: Text; newcomer: Text };
  /** What the customer says at the share, clarify, present and ask steps. */
  lines: readonly [Text, Text, Text, Text];
  /** The listen step's answer that blames the customer, in this kind's words (the third answer, quality −0.3). */
  blame: Text;
  /** The four remedies of the present step, in the order of the engine's PRESENT_QUALITY row for this kind. */
  remedies: readonly [Text, Text, Text, Text];
  /** What each remedy does, in the same order. */
  remedyFeedback: readonly [Text, Text, Text, Text];
}

/** The five LSCPA steps and the four answers of each (the engine's STEP_QUALITY is five rows of four). */
const STEP_IDS = [0, 1, 2, 3, 4] as const;
const OPTION_IDS = [0, 1, 2, 3] as const;
/** The answer that blames the customer (listen step, third answer): worded by the kind of complaint. */
const BLAME = [0, 2] as const;

/** A customer with this many purchases or more speaks as a regular. */
export const REGULAR_PURCHASES = 3;

export const COMPLAINT_SCRIPTS: Record<ComplaintKindId, KindScript> = {
  product: {
    opening: {
      regular: {
        zh: '我在你们这儿买了 {visits} 次了，从来没遇到过这种事！上次花 ¥{basket} 买的，拿回去就发现是坏的。',
        en: 'I’ve bought here {visits} times and never had this happen! What I paid ¥{basket} for last time was faulty when I got it home.',
      },
      newcomer: {
        zh: '第一次来你们店，花了 ¥{basket}，拿回去就发现有问题。',
        en: 'My first time at your shop: I paid ¥{basket}, and it was faulty as soon as I got it home.',
      },
    },
    lines: [
      { zh: '我还得专门再跑一趟，你说我烦不烦？', en: 'I had to come all the way back here. How do you think that feels?' },
      { zh: '就是买回去当天就不对，不是我弄坏的。', en: 'It was wrong the same day I bought it. I didn’t break it.' },
      { zh: '那你们打算怎么处理？', en: 'So what are you going to do about it?' },
      { zh: '行吧，那就先这样。', en: 'All right, let’s leave it at that.' },
    ],
    blame: { zh: '指出是客户自己用错了', en: 'Point out they used it wrongly' },
    remedies: [
      { zh: '按规定办：凭小票换一个', en: 'Go by the rules: an exchange with the receipt' },
      { zh: '马上换个新的，再送一份小礼物表示歉意', en: 'Replace it with a new one at once, with a small gift to say sorry' },
      { zh: '二话不说，全额退款', en: 'Refund the full amount, no questions asked' },
      { zh: '说这个我们也没办法', en: 'Say there is nothing we can do' },
    ],
    remedyFeedback: [
      {
        zh: '合规，但冷冰冰：东西换了，客户白跑一趟的麻烦没人认。',
        en: 'Correct but cold: the item is exchanged, but nobody acknowledges the trouble of coming back.',
      },
      {
        zh: '产品有问题时最好的补救：换货对准了问题，小礼物弥补了麻烦（陈述：给出贴合客户的方案）。',
        en: 'The best remedy for a faulty product: a replacement fits the fault and the gift makes up for the trouble (Present: a remedy fitted to the customer).',
      },
      {
        zh: '钱退了，事情了结，但客户要的是能用的东西；退款也可能就此送走了客户。',
        en: 'Money back settles it, but they came for the product: a refund may also be the last you see of them.',
      },
      {
        zh: '客户说了半天换来一句“没办法”：不满变成愤怒，还会告诉别人。',
        en: 'After all their explaining, “nothing we can do”: dissatisfaction turns to anger, and they will tell others.',
      },
    ],
  },
  attitude: {
    opening: {
      regular: {
        zh: '我是你们的老客户了，来了 {visits} 次，今天被你们店员甩脸色！',
        en: 'I’ve been coming here for ages, {visits} times, and today your staff treated me like a nuisance!',
      },
      newcomer: {
        zh: '第一次来就碰上这种态度，问一句话都不耐烦。',
        en: 'My first time here, and your staff couldn’t even be bothered to answer a question.',
      },
    },
    lines: [
      { zh: '我花钱来买东西，不是来受气的。', en: 'I’m paying to shop here, not to be talked down to.' },
      { zh: '我就问了一句什么时候好，她就翻白眼，说“没看见我在忙吗”。', en: 'I only asked when it would be ready, and she rolled her eyes: “Can’t you see I’m busy?”' },
      { zh: '你说这事怎么办吧。', en: 'So what are you going to do about it?' },
      { zh: '嗯，希望以后别再这样了。', en: 'Well, I hope it won’t happen again.' },
    ],
    blame: { zh: '说店员平时态度挺好，是不是对方误会了', en: 'Say the staff member is usually polite, so perhaps they misunderstood' },
    remedies: [
      { zh: '送一张优惠券作为补偿', en: 'Give a voucher to make up for it' },
      { zh: '把这一单的钱退给对方', en: 'Refund what they paid for this order' },
      {
        zh: '店长当面郑重道歉，说明会怎么跟这位店员谈，再送一份小心意',
        en: 'Apologise in person as the manager, say how you will talk to the staff member, and offer a small gesture',
      },
      { zh: '说店员太忙了，请对方多包涵', en: 'Say the staff are very busy and ask them to understand' },
    ],
    remedyFeedback: [
      {
        zh: '态度问题用钱补效果很小：客户要的是尊重，一张券像是“拿去别闹了”。',
        en: 'Money does little for rudeness: they wanted respect, and a voucher can feel like being paid to go away.',
      },
      {
        zh: '问题出在怎么对待客户，不在商品：退钱解决不了被冷落的感受。',
        en: 'The problem was how they were treated, not the goods: a refund does not undo being brushed off.',
      },
      {
        zh: '态度投诉最好的补救：负责任的当面道歉还回了客户失去的尊重，小心意说明是真心的。',
        en: 'The best remedy for an attitude complaint: an apology that takes responsibility gives back the respect they lost, and the gesture shows it is meant.',
      },
      {
        zh: '替无礼找借口，等于再告诉客户一次：你不值得我们花时间。',
        en: 'An excuse for the rudeness tells them once more that they were not worth the staff’s time.',
      },
    ],
  },
  waiting: {
    opening: {
      regular: {
        zh: '我来了 {visits} 次，从没等过这么久！排了四十分钟还没轮到我。',
        en: 'I’ve been here {visits} times and never waited this long! Forty minutes and I’m still not served.',
      },
      newcomer: {
        zh: '第一次来就等了快半个小时，到底还要等多久？',
        en: 'First time here and I’ve waited nearly half an hour. How much longer?',
      },
    },
    lines: [
      { zh: '我下午还有事，全让你们给耽误了。', en: 'I have things to do this afternoon, and you’ve held me up.' },
      { zh: '比我后来的人都拿到了，我的单子还没做。', en: 'People who came after me have got theirs, and my order hasn’t even been started.' },
      { zh: '现在怎么办？我可没时间再等了。', en: 'Now what? I have no time to wait any longer.' },
      { zh: '好吧，下次别再让人干等了。', en: 'All right. Just don’t leave people standing around next time.' },
    ],
    blame: { zh: '指出对方来的正好是最忙的时候', en: 'Point out they came at the busiest time' },
    remedies: [
      { zh: '马上亲自办好，一分钟都不再让对方等', en: 'Serve them yourself right now, so they don’t wait another minute' },
      { zh: '请对方留个电话，做好了再通知', en: 'Take their number and call them when it is ready' },
      { zh: '送一张下次用的优惠券', en: 'Give a coupon for next time' },
      { zh: '说现在人多，大家都得排队', en: 'Say it is busy and everyone has to queue' },
    ],
    remedyFeedback: [
      {
        zh: '等待投诉最好的补救：客户损失的是时间，补救就是快，当场解决。',
        en: 'The best remedy for a wait: what they lost was time, so the remedy is speed, putting it right on the spot.',
      },
      {
        zh: '实际，但还是让客户继续等，被耽误的时间没有补回来。',
        en: 'Practical, but it still asks them to wait; the time they lost is not made up.',
      },
      {
        zh: '是一份心意，但客户的问题在眼下：券是下次的，等待还没结束。',
        en: 'A gesture, but their problem is now: the coupon is for next time and the wait goes on.',
      },
      {
        zh: '也许是实情，但这等于说客户的时间不重要，而且下次还会这样。',
        en: 'True, perhaps, but it says their time does not matter and that it will happen again.',
      },
    ],
  },
  price: {
    opening: {
      regular: {
        zh: '我在你们这儿买了 {visits} 次，这回花 ¥{basket} 买的，根本不值这个价！',
        en: 'I’ve bought here {visits} times, and what I paid ¥{basket} for this time just isn’t worth the money!',
      },
      newcomer: {
        zh: '花了 ¥{basket} 就买到这个？隔壁便宜一半。',
        en: '¥{basket} for this? The place next door charges half that.',
      },
    },
    lines: [
      { zh: '我不是差这几块钱，是觉得被当成冤大头了。', en: 'It’s not the few yuan. I feel you took me for a fool.' },
      { zh: '分量比以前少了，价钱倒一分没少。', en: 'It’s smaller than it used to be, and the price hasn’t gone down one bit.' },
      { zh: '这钱花得冤，你们看着办吧。', en: 'I feel I threw my money away. What are you going to do about it?' },
      { zh: '行，那就先这样吧。', en: 'Right, let’s leave it there.' },
    ],
    blame: { zh: '指出价格一直标得清清楚楚', en: 'Point out the price was clearly on display' },
    remedies: [
      { zh: '耐心解释我们的价格是怎么定的', en: 'Explain patiently how our prices are set' },
      { zh: '送一张下次用的优惠券', en: 'Give a coupon for next time' },
      { zh: '说价格是总部定的，我们改不了', en: 'Say head office sets the prices and we cannot change them' },
      { zh: '当场退回一部分钱，表示诚意', en: 'Give part of the money back on the spot, as a sign of good faith' },
    ],
    remedyFeedback: [
      {
        zh: '客户听明白了价格是怎么来的，但觉得花冤枉的钱还是没回来。',
        en: 'They understand the price now, but the money they feel they wasted is still gone.',
      },
      {
        zh: '有一点补偿，但要再来消费才用得上，容易让人觉得是促销套路。',
        en: 'Some money back, but only if they spend here again: it can feel like a sales trick.',
      },
      {
        zh: '把责任推给总部：客户觉得被坑了，现在还觉得投诉无门。',
        en: 'Passing the buck: they felt cheated, and now powerless as well.',
      },
      {
        zh: '价格投诉最好的补救：客户觉得钱花得不值，就当场退回一部分，不争辩。',
        en: 'The best remedy for a price complaint: they feel the money was not worth it, so give some back, on the spot, without argument.',
      },
    ],
  },
  billing: {
    opening: {
      regular: {
        zh: '我在这儿买了 {visits} 次，这回小票上多扣了我一笔钱！',
        en: 'I’ve shopped here {visits} times, and this time the receipt shows I was charged twice!',
      },
      newcomer: {
        zh: '第一次来，你们就多收了我的钱：¥{basket} 的东西扣了两次。',
        en: 'My first visit, and you’ve overcharged me: ¥{basket}, taken twice.',
      },
    },
    lines: [
      { zh: '要不是我看了一眼小票，这钱就白白没了。', en: 'If I hadn’t looked at the receipt, that money would just be gone.' },
      { zh: '你看，同一笔钱在这里扣了两次，时间都一样。', en: 'Look: the same payment, taken twice, at the same minute.' },
      { zh: '多收的钱什么时候退给我？', en: 'When do I get the extra money back?' },
      { zh: '那就这样吧。', en: 'Right, let’s leave it there.' },
    ],
    blame: { zh: '问客户是不是自己看错了小票', en: 'Ask whether they have misread the receipt' },
    remedies: [
      { zh: '登记下来，财务三到五个工作日处理', en: 'Log it: accounts will sort it out in three to five working days' },
      { zh: '当场核对账单，多扣的钱马上退回，并说声对不起', en: 'Check the bill with them now, refund the double charge on the spot, and apologise' },
      { zh: '送一张优惠券表示歉意', en: 'Give a voucher as an apology' },
      { zh: '说收银系统不会出错', en: 'Say the till system does not make mistakes' },
    ],
    remedyFeedback: [
      {
        zh: '最后会退，但客户要为自己的钱等好几天；账单错误最好当场改。',
        en: 'Right in the end, but they wait days for their own money; a billing error is best corrected at once.',
      },
      {
        zh: '账单错误最好的补救：一起核对、当场改正，客户亲眼看到错误被认下并纠正。',
        en: 'The best remedy for a billing error: checked together and corrected on the spot, the customer sees the error owned and put right.',
      },
      {
        zh: '优惠券不是客户的钱：多收的那笔还在你们那儿。',
        en: 'A voucher is not their money: the overcharge is still with you.',
      },
      {
        zh: '证据就在客户手里还要争辩：他现在确信自己被坑了。',
        en: 'Arguing with the proof in their hand: now they are sure they were cheated.',
      },
    ],
  },
};

/** What each answer of the listen, share, clarify and ask steps does, whatever the complaint is about. */
export const STEP_FEEDBACK: readonly (readonly Text[])[] = [
  [
    {
      zh: '一上来就讲规定，等于告诉客户规定比他的遭遇重要，他只会更大声。倾听就是先让他把话说完。',
      en: 'Opening with the policy tells them the rules matter more than what happened to them; they get louder to be heard. Listening means letting them finish first.',
    },
    {
      zh: '让客户把话说完，火气就消了一半；记下要点，说明你把这件事当回事（倾听）。',
      en: 'Letting them say it all lets the anger out, and noting the points shows you take it seriously (Listen).',
    },
    {
      zh: '第一句就怪客户：他只能为自己辩护，投诉变成了争吵。',
      en: 'Blame in the first sentence: now they must defend themselves, and the complaint becomes a quarrel.',
    },
    {
      zh: '道歉有用，但催客户说重点，等于说你想快点打发他，他会觉得没被听见。',
      en: 'The apology helps, but hurrying them says you want it over with; they feel unheard.',
    },
  ],
  [
    {
      zh: '为客户的感受真诚道歉（不是承认每个细节），你就站到了他这一边（分担）。',
      en: 'A sincere apology for how they feel (not an admission of every detail) puts you on their side (Share).',
    },
    {
      zh: '照着话术念的“抱歉”，客户一听就知道是套话，安抚作用很小。',
      en: 'A sorry read from a script sounds like one; it calms little.',
    },
    {
      zh: '表示了理解，但马上转入正题，客户的情绪没有人接住。',
      en: 'It acknowledges them, but moving straight on leaves their feelings unshared.',
    },
    {
      zh: '替店里辩护，就是和客户站在对立面：他的火气有了靶子。',
      en: 'Defending the store puts you against the customer: their anger now has a target.',
    },
  ],
  [
    {
      zh: '有用：一个问题拿到了需要的事实；把问题完整复述一遍，更能说明你听懂了。',
      en: 'Useful: one question gets a fact you need; restating the whole problem would show more clearly that you understood.',
    },
    {
      zh: '和客户争论事实，客户就成了被告；就算你有理，也会失去这位客户。',
      en: 'Arguing about the facts puts the customer in the dock; even if you are right, you lose them.',
    },
    {
      zh: '用自己的话复述问题，请客户确认，既说明你听懂了，也弄清了到底要解决什么（澄清）。',
      en: 'Restating the problem in your own words and having them confirm it shows you understood, and pins down what to put right (Clarify).',
    },
    {
      zh: '问题没弄清就给方案，可能答非所问，也说明你其实没在听。',
      en: 'A remedy before the problem is clear may miss it, and shows you were not really listening.',
    },
  ],
  [],
  [
    {
      zh: '确认客户满意，再约好回访，事情才算真正了结；被挽回的客户往往更忠诚（要求）。',
      en: 'Asking whether they are satisfied and calling back later closes the loop; a customer won back is often more loyal (Ask).',
    },
    {
      zh: '对店里来说结案了，对客户未必：没人确认补救是否真的有效。',
      en: 'Closed for the store, not necessarily for them: nobody checked that the remedy worked.',
    },
    {
      zh: '是一份心意，但跳过了问客户是否满意这一步。',
      en: 'A gesture, but it skips asking whether they are satisfied.',
    },
    {
      zh: '不问一句，你永远不知道补救有没有用，客户也感觉得到。',
      en: 'Without asking, you never learn whether it worked, and the customer notices.',
    },
  ],
];

/** Who the customer is, as far as the dialogue needs it. */
export interface CaseCustomer {
  id: number;
  kind: ComplaintKindId;
  /** The customer group's name in the player's language. */
  segment: string;
  purchases: number;
  spendTotal: number;
}

/** The complaint case as a dialogue script: lines, answers, feedback and qualities, in the player's language. */
export function complaintScript(who: CaseCustomer): DialogueScript {
  const kind = COMPLAINT_KINDS.includes(who.kind) ? who.kind : 'product';
  const k = COMPLAINT_KINDS.indexOf(kind);
  const data = COMPLAINT_SCRIPTS[kind];
  const lang = prefs.getState().lang;
  const basket = who.purchases > 0 ? Math.round(who.spendTotal / who.purchases) : Math.round(who.spendTotal);
  const params = { visits: who.purchases, basket };
  const opening = who.purchases >= REGULAR_PURCHASES ? data.opening.regular : data.opening.newcomer;
  const lines = [opening, ...data.lines];
  return {
    key: `complaint-${who.id}`,
    speaker: t('featured.speaker', { segment: who.segment }),
    steps: STEP_IDS.map((step) => ({
      title: t(`featured.step.${step}`),
      line: format(pick(lines[step]), lang, params),
      options: OPTION_IDS.map((o) => ({
        id: o,
        text: step === PRESENT_STEP ? pick(data.remedies[o]) : step === BLAME[0] && o === BLAME[1] ? pick(data.blame) : t(`featured.${step}.${o}`),
        feedback: pick(step === PRESENT_STEP ? data.remedyFeedback[o] : STEP_FEEDBACK[step][o]),
        quality: stepQuality(step, o, k),
      })),
    })),
  };
}
