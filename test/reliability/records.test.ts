import { specify } from './spec.js';
import { TARGETS } from '../../dev/harness/reliability/targets.js';

specify([TARGETS[5], TARGETS[6]].filter((t) => t !== undefined));
