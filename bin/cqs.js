#!/usr/bin/env node
// Entry point of the `cqs` command: runs the compiled CLI (npm run build:server first).
import('../dist/cli.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    console.error('cqs: chưa biên dịch — hãy chạy "npm run build" trước (not built: run "npm run build").');
    process.exit(1);
  }
  throw error;
});
