export async function run(context: any, req: any): Promise<void> {
  context.bindings.doc = req.body;
}
