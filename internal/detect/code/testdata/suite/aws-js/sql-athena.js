// fixture: provider=aws trigger=sqs handlers=vulnerable,fixed
const { AthenaClient, StartQueryExecutionCommand } = require('@aws-sdk/client-athena');

const athena = new AthenaClient({});

// Athena runs whatever QueryString it is given.
exports.vulnerable = async (event) => {
  for (const record of event.Records) {
    const job = JSON.parse(record.body);
    await athena.send(new StartQueryExecutionCommand({ // want "code/sql-injection"
      QueryString: `SELECT count(*) FROM clicks WHERE campaign = '${job.campaign}'`,
      WorkGroup: 'reports',
    }));
  }
};

exports.fixed = async (event) => {
  for (const record of event.Records) {
    const job = JSON.parse(record.body);
    await athena.send(new StartQueryExecutionCommand({
      QueryString: 'SELECT count(*) FROM clicks WHERE campaign = ?',
      ExecutionParameters: [String(job.campaign)],
      WorkGroup: 'reports',
    }));
  }
};
