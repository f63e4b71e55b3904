"""The assembled site (organisations, boards, meetings, cases, entries) and the law's dates."""
