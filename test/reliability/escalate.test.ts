import { specify } from './spec.js';
import { TARGETS } from '../../dev/harness/reliability/targets.js';

specify([TARGETS[0], TARGETS[1]].filter((t) => t !== undefined));
