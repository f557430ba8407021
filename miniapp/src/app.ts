import type { PropsWithChildren } from 'react';
import { installQuietLogin } from './accounts/quiet-login';
import { listenForPrivacyRequests } from './core/privacy';
import './app.css';

// Before the first page's requests: a lapsed session is renewed quietly, and
// WeChat's privacy question is answered on our own privacy page.
installQuietLogin();
listenForPrivacyRequests();

/** The app shell: pages render as its children. Session checks live in the pages. */
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
