import { specify } from './spec.js';
import { TARGETS } from '../../dev/harness/reliability/targets.js';

specify([TARGETS[2], TARGETS[7]].filter((t) => t !== undefined));
