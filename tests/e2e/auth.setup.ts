import { expect, test as setup } from "@playwright/test";
import { authFile, signInViaApi } from "./support";

// One sign-in per demo role through the API, saved for the specs that start signed in.
for (const username of ["admin", "manager", "staff", "staff2"]) {
  setup(`sign in as ${username}`, async ({ request }) => {
    const session = await signInViaApi(request, username);
    expect(session?.user?.username).toBe(username);
    await request.storageState({ path: authFile(username) });
  });
}
