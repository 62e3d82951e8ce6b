// The four modules wait at their gates until all of them have checked their ports.
evaluate(new File(itSources, 'gates.groovy'))(basedir, ['GATE_A', 'GATE_B', 'GATE_C', 'GATE_D'])
return true
