/**
 * Preloaded into Electronegativity (`node --require`): makes `fs.writeFile` write synchronously (its callback
 * still runs later). Why: Electronegativity writes its CSV header and its rows with two un-awaited
 * `fs.writeFile` calls (the header truncating, the rows appending); on a loaded machine the header can land
 * after the rows and overwrite them, which garbled rows in CI and could lose findings silently. Synchronous
 * writes keep the order of the calls.
 */
'use strict';
const fs = require('node:fs');

fs.writeFile = function writeFileInOrder(file, data, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  let error = null;
  try {
    fs.writeFileSync(file, data, options);
  } catch (e) {
    error = e;
  }
  if (typeof callback === 'function') process.nextTick(callback, error);
};
