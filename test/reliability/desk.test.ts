import { specify } from './spec.js';
import { TARGETS } from '../../dev/harness/reliability/targets.js';

specify([TARGETS[3], TARGETS[4]].filter((t) => t !== undefined));
