/** Strings of the session history: list, review, timeline, delete, re-analysis, saving sessions and storage messages (English and Dutch). */
import type { TableOf } from './table.ts';

export const historyEn = {
  'nav.history': 'History',
  'history.title': 'Your sessions',
  'review.title': 'Session',
  'tune.hipsUpToLineDeg': 'Hips up to the line: full rep from (hip angle)',
  'tune.minPauseS': 'Pause at the top at least',
  'tune.hingeDepthDeg': 'Hinge depth of a full rep (torso forward)',
  'tune.minRepSeconds': 'A whole rep takes at least',
  'tune.pressRiseDeg': 'Chest rise above the start for a full rep',
  'tune.topMinElbowDeg': 'Arms straight at the top: elbow at least',
  'tune.liftTorso': 'Lift of the lowest limb for a full rep, at least (% of torso)',
  'tune.maxArchDeg': 'Biggest arch of the back before it is too big',
} as const;

export const historyNl: TableOf<typeof historyEn> = {
  'nav.history': 'Geschiedenis',
  'history.title': 'Je sessies',
  'review.title': 'Sessie',
  'tune.hipsUpToLineDeg': 'Heupen tot de lijn: volledige herhaling vanaf (heuphoek)',
  'tune.minPauseS': 'Pauze bovenin minstens',
  'tune.hingeDepthDeg': 'Diepte van een volledige herhaling (romp naar voren)',
  'tune.minRepSeconds': 'Een hele herhaling duurt minstens',
  'tune.pressRiseDeg': 'Borst omhoog boven de start voor een volledige herhaling',
  'tune.topMinElbowDeg': 'Armen gestrekt bovenin: elleboog minstens',
  'tune.liftTorso': 'Hoogte van de laagste ledemaat voor een volledige herhaling, minstens (% van de romp)',
  'tune.maxArchDeg': 'Grootste holling van de rug voordat die te groot is',
};
