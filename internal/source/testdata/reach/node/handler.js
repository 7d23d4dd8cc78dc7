'use strict';
const AWS = require('aws-sdk');
const db = require('./lib/db');
const lib = require('./lib');
const util = require('../shared/util');
const config = require('./config.json');
const gone = require('./missing');
require('./styles.css');

exports.handler = async (event) => {
  const row = await db.get(event.pathParameters.id);
  return { statusCode: 200, body: util.render(row, config) };
};
