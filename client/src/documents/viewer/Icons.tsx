import type { ReactNode } from 'react';

/** The toolbar's pictures, drawn here: no font on a tablet is sure to have the emoji for them. */
const Svg = ({ children }: { children: ReactNode }) => (
  <svg viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    {children}
  </svg>
);

export const SearchIcon = () => (
  <Svg>
    <circle cx="10.5" cy="10.5" r="6.5" />
    <path d="M15.5 15.5 21 21" />
  </Svg>
);

export const ThumbnailsIcon = () => (
  <Svg>
    <rect x="3" y="3" width="7" height="8" rx="1" />
    <rect x="14" y="3" width="7" height="8" rx="1" />
    <rect x="3" y="13" width="7" height="8" rx="1" />
    <rect x="14" y="13" width="7" height="8" rx="1" />
  </Svg>
);

export const HighlightIcon = () => (
  <Svg>
    <path d="M4 20h7" />
    <path d="m14.5 4.5 5 5L11 18H6v-5z" />
  </Svg>
);

export const NotesIcon = () => (
  <Svg>
    <path d="M5 3h10l4 4v14H5z" />
    <path d="M9 11h6M9 15h6" />
  </Svg>
);
