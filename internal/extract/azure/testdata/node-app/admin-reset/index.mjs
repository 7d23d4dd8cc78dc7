export default async function (context) {
  context.res = { status: 204 };
}
