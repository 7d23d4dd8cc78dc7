'use strict';

const minimatch = require('minimatch');

module.exports.handler = async (event) =>
  event.Records.filter((r) => minimatch(r.s3.object.key, 'uploads/**/*.png')).length;
