// fixture: provider=aws trigger=sqs handlers=vulnerable,fixed
import type { SQSEvent } from 'aws-lambda';
import { Pool } from 'pg';

const pool = new Pool();

type Message = { orderId: string };

export async function vulnerable(event: SQSEvent): Promise<void> {
  for (const record of event.Records) {
    const msg = <Message>JSON.parse(record.body);
    await pool.query(`UPDATE orders SET shipped = true WHERE id = ${msg.orderId}`); // want "code/sql-injection"
  }
}

export async function fixed(event: SQSEvent): Promise<void> {
  for (const record of event.Records) {
    const msg = JSON.parse(record.body) as Message;
    await pool.query('UPDATE orders SET shipped = true WHERE id = $1', [msg.orderId]);
  }
}
