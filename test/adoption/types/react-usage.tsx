// Compiled by `npm run typecheck` only: proves src/types/react.d.ts (React 19 JSX types) accepts what React 19 accepts.
import { useRef } from 'react';
import type {} from '../../../src/types/react.js';
import type { ClerkSignOutButton, SignedOutEvent } from '../../../src/index.js';
import { FakeClerk } from '../../../src/testing/index.js';

export function Header({ navigate }: { navigate: (to: string) => void }) {
  const button = useRef<ClerkSignOutButton>(null);
  const onSignedOut = (event: SignedOutEvent) => {
    event.preventDefault();
    navigate(event.detail.redirectUrl ?? '/');
  };
  return (
    <clerk-provider
      clerk={FakeClerk.signedIn()}
      after-sign-out-url="/bye"
      localization={{ userButton: { action__signOut: 'Log out' } }}
    >
      <clerk-signed-in>
        <clerk-sign-out-button
          ref={button}
          redirect-url="/"
          scope="current"
          onsigned-out={onSignedOut}
          className="nav"
        />
        <clerk-sign-out-button
          redirectUrl="/"
          when-signed-out="disable"
          onsign-out={(event) => event.detail.sessionId}
        />
        <clerk-sign-out-button onsign-out-error={(event) => console.error(event.detail.error.message)}>
          Log out
        </clerk-sign-out-button>
      </clerk-signed-in>
      <clerk-signed-out>
        <p>You are signed out</p>
      </clerk-signed-out>
      <clerk-user-menu
        show-name
        user-profile-url="/account"
        onsession-switched={(event) => navigate(event.detail.redirectUrl ?? '/')}
      />
    </clerk-provider>
  );
}

export const negatives = (
  <>
    {/* @ts-expect-error scope only takes 'all' | 'current' */}
    <clerk-sign-out-button scope="everyone" />
    {/* @ts-expect-error when-signed-out only takes 'hide' | 'disable' */}
    <clerk-sign-out-button when-signed-out="show" />
    {/* @ts-expect-error the signed-out event's detail has no `error` */}
    <clerk-sign-out-button onsigned-out={(event) => event.detail.error} />
    {/* @ts-expect-error .clerk takes a Clerk instance, not a key */}
    <clerk-provider clerk="pk_test_123" />
    {/* @ts-expect-error busy is the element's own state, not an input */}
    <clerk-sign-out-button busy />
    {/* @ts-expect-error menu-close's detail has a reason, not a session */}
    <clerk-user-menu onmenu-close={(event) => event.detail.sessionId} />
    {/* @ts-expect-error unknown tags are still rejected */}
    <clerk-sign-out-buton />
  </>
);
