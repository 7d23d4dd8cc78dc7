'use strict';

const AWSXRay = require('aws-xray-sdk-core');
const AWS = AWSXRay.captureAWS(require('aws-sdk'));

module.exports.s3 = new AWS.S3();
module.exports.TABLE = process.env.TABLE_NAME;
