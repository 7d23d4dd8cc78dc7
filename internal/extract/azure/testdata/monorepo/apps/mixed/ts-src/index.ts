export default async function (context: any, events: unknown[]): Promise<void> {
  context.log(events.length);
}
