export const Page = (u: { id: string }) => <main>{u.id}</main>;
