export default async function (context: any, docs: unknown[]): Promise<void> {
  context.log(docs.length);
}
