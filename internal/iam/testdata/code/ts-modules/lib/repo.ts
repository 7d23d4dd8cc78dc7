import { DynamoDB } from 'aws-sdk';
import { TABLE } from './config';

export class Repo {
  private readonly client = new DynamoDB.DocumentClient();

  async remove(id: string): Promise<void> {
    await this.client.delete({ TableName: TABLE, Key: { id } }).promise();
  }

  async find(id: string) {
    return this.client.get({ TableName: TABLE, Key: { id } }).promise();
  }
}
