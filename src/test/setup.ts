// Shared setup for the jsdom 'ui' test project; @testing-library/jest-dom is not installed.
