/**
 * Masks (口罩预约): the capability's public face, the steps its routes call in
 * the order a round lives them. Each step is written in the file named for its
 * job; the writes that must not be lost or doubled are told there.
 *
 * 1. A household registers with its committee (居民信息登记). Inside the
 *    committee's area, at an address no approved household holds, it is
 *    approved at once; otherwise the committee's cadre (or district staff)
 *    approves or rejects it. One approved household per address, one ID
 *    number per account.                                     registration.ts
 */
export { register, myRegistration, listRegistrations, reviewRegistration } from './registration';

/**
 * 2. District staff or a cadre open a round: when it opens and closes, masks
 *    per household, the pickup window, first come or lottery, and stock per
 *    pharmacy. Anyone sees the open round and the pharmacies nearest first
 *    with live stock; a pharmacy adds stock or marks itself sold out.  rounds.ts
 */
export { openRound, currentRound, pharmaciesNear, addStock, setSoldOut, type RoundInput } from './rounds';

/**
 * 3. A resident reserves, once per household per round. An approved household
 *    is given the nearest pharmacy with stock at once (a hold on its stock,
 *    stock.ts) and a pickup code; a household not (yet) approved waits for the
 *    cadre, who approves (stock is taken then) or rejects; in a lottery round
 *    the reservation is an application. Residents see their own, staff their
 *    committee's or pharmacy's, never the codes.           reservations.ts
 */
export { reserve, mine, list, review } from './reservations';

/**
 * 4. A lottery round is drawn once it closes, by the job or by district staff,
 *    one draw at a time; the seed and order are published so anyone can re-run
 *    it. Winners get a pharmacy and a pickup code as in 3.       lottery.ts
 */
export { drawRound, drawResult } from './lottery';

/**
 * 5. The pharmacy redeems the pickup code, once, within the pickup window.
 *    Jobs then expire what was not picked up and give back any hold no
 *    reservation uses (jobs.ts).                           reservations.ts
 */
export { redeem } from './reservations';

/** What other capabilities read (the overview): the records themselves. */
export { RegistrationModel, ReservationModel, RoundModel, StockModel } from './masks.model';
