const dynamoose = require('dynamoose');
const AWS = require('aws-sdk');

const s3 = new AWS.S3();
const Cat = dynamoose.model('Cat', { id: Number, name: String });

exports.getObject = (key) => s3.getObject({ Bucket: 'acme-assets', Key: key }).promise();
exports.saveCat = (cat) => new Cat(cat).save();
