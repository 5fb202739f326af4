-- The in-process simulator's books, replaced by the simulated PayFor gateway's (V14): LinkPOS now reaches the
-- simulator over HTTP like any bank, and the simulator keeps its own books in simulator_ tables.
DROP TABLE bank_simulator_authorizations;
