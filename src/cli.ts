import { createProgram } from './cli/program.js';
import { describeError } from './cli/output.js';

createProgram()
  .parseAsync(process.argv)
  .catch((error) => {
    console.error(describeError(error));
    process.exit(1);
  });
