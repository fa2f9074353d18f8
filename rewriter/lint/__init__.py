"""The linter: findings in files, reported in the formats CI systems read."""
