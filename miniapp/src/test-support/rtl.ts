/**
 * React Testing Library for the page tests. The root package pins React 18.3.1
 * so RTL renders with the same React as the mini-program.
 */
export { render, screen, fireEvent, waitFor, within, act, cleanup } from '@testing-library/react';
