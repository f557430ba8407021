import type { PropsWithChildren } from 'react';
import './app.css';

/** The app shell: pages render as its children. Session checks live in the pages. */
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
