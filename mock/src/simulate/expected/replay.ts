import type { Ledger } from '../ledger';
import { Checks } from './checks';
import { ComplaintsModel } from './complaints-model';
import { FilingsModel } from './filings-model';
import { HealthModel } from './health-model';
import { MasksModel } from './masks-model';
import { PlacesModel } from './places-model';
import { ShopsModel } from './shops-model';

/**
 * Replays the ledger through the rules, in order, into the state the BFF
 * should hold at the end of the month. Each step's answer is checked against
 * what the rules predict; the model then follows its own rules, never the
 * BFF's answer.
 */
export interface World {
  complaints: ComplaintsModel;
  masks: MasksModel;
  health: HealthModel;
  filings: FilingsModel;
  shops: ShopsModel;
  places: PlacesModel;
  checks: Checks;
}

export function replay(ledger: Ledger): World {
  const checks = new Checks();
  const health = new HealthModel();
  const filings = new FilingsModel(health);
  const world: World = {
    complaints: new ComplaintsModel(ledger.org),
    masks: new MasksModel(ledger.org),
    health,
    filings,
    shops: new ShopsModel(ledger.meta.start),
    places: new PlacesModel(ledger.org, health, filings),
    checks,
  };
  for (const entry of ledger.entries) {
    if (entry.kind === 'jobs.run') {
      if (!entry.outcome.ok) checks.note(entry, 'the jobs did not run', 'ok', entry.outcome.httpStatus);
      world.complaints.runJobs(entry, checks);
      world.masks.runJobs(entry, checks);
      world.shops.runJobs(entry, checks);
      world.places.runJobs(entry);
    } else if (entry.kind === 'complaint.linkShop') world.shops.linkComplaint(entry, checks, world.complaints);
    else if (entry.kind.startsWith('complaint.')) {
      world.complaints.apply(entry, checks);
      if (entry.kind === 'complaint.submit') world.shops.noteComplaint(entry, checks, world.complaints);
    } else if (/^(shop|alerts)\./.test(entry.kind)) world.shops.apply(entry, checks);
    else if (/^(registration|round|reservation|pharmacy)\./.test(entry.kind)) {
      world.masks.apply(entry, checks);
      if (entry.kind === 'registration.submit') world.health.noteRegistration(entry, world.masks);
    } else if (/^(health|appeal)\./.test(entry.kind)) {
      world.health.apply(entry, checks);
      if (entry.kind === 'health.case') world.places.noteCase(entry);
    } else if (/^(place|visit|case|contacts|code)\./.test(entry.kind)) world.places.apply(entry, checks);
    else if (entry.kind.startsWith('filing.')) world.filings.apply(entry, checks);
  }
  return world;
}
