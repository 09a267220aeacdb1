def summary = new File(basedir, 'summary.md').text
assert summary.contains('## Platform release checklist: v1.0.0')
assert summary.contains('- [x] All tests passing — _passed in this pipeline_')
assert summary.contains('- [x] CHANGELOG.md updated — _CHANGELOG.md has a section for 1.0.0_')
assert summary.contains('- [x] Version bumped in appropriate files — _1 file at 1.0.0_')
assert summary.contains('- [x] Tag created: `v1.0.0` — _annotated tag_')
assert summary.contains('- [ ] Docker images pushed')
return true
