(* salign: the PROVED propositions of T4, re-checked by the Coq kernel *)
Require Import Reals Lra Psatz List.
Require Import Model.
Open Scope R_scope.

(* T4.recursion | dynamics model | on the solvers' problem *)
(* not checked: none of lra, nra, products; nra, division bridge, division bridge, products, psatz R 3 closed it (at most 20 s per tactic)
Theorem T4_recursion :
  forall lambda_D lambda_B t p rho_D eta n_D a_0 : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (t >= 0) ->
  (p >= 0) ->
  (rho_D >= 0) ->
  (eta > 0) ->
  (n_D >= 0) ->
  (a_0 > 0) ->
  (lambda_D > lambda_B) ->
  ((t = 0) -> (p = 1)) ->
  ((rho_D <= 1) -> (p <= 1)) ->
  ((rho_D >= 1) -> (p >= 1)) ->
  ((rho_D > 0) -> (p > 0)) ->
  (rho_D = ((1 + (((- 1) * eta) * lambda_D)) * (1 + (((- 1) * eta) * lambda_D)))) ->
  ((lambda_D <> 0) /\ (eta <> (2 / lambda_D))) ->
  ((((- 2) + (eta * lambda_D)) <> 0) /\ (((lambda_D * ((- 2) + (eta * lambda_D))) <> 0) /\ ((lambda_D * ((- 2) + (eta * lambda_D))) <> 0) /\ (((n_D * (eta * eta)) + ((((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D))) * ((p * (a_0 + ((n_D * eta) / (lambda_D * ((- 2) + (eta * lambda_D)))))) + ((((- 1) * n_D) * eta) / (lambda_D * ((- 2) + (eta * lambda_D))))))) = (((p * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) * (a_0 + ((n_D * eta) / (lambda_D * ((- 2) + (eta * lambda_D)))))) + ((((- 1) * n_D) * eta) / (lambda_D * ((- 2) + (eta * lambda_D)))))))).
*)

(* T4.fixed_point | dynamics model | on the solvers' problem *)
Theorem T4_fixed_point :
  forall lambda_D lambda_B eta n_D : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (eta > 0) ->
  (n_D >= 0) ->
  (lambda_D > lambda_B) ->
  ((lambda_D <> 0) /\ (eta < (2 / lambda_D))) ->
  (lambda_D > lambda_B) ->
  ((((- 2) + (eta * lambda_D)) <> 0) /\ (((lambda_D * ((- 2) + (eta * lambda_D))) <> 0) /\ ((lambda_D * ((- 2) + (eta * lambda_D))) <> 0) /\ (((n_D * (eta * eta)) + (((((- 1) * n_D) * eta) * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) / (lambda_D * ((- 2) + (eta * lambda_D))))) = ((((- 1) * n_D) * eta) / (lambda_D * ((- 2) + (eta * lambda_D))))))).
Proof.
  intros;
  (assert (Hs1 : 0 < lambda_D) by first [nra | pos_products; nra]);
  (assert (Hd1 : 0 < lambda_D) by first [nra | pos_products; nra]);
  (try rewrite (bridge_lt eta (2 / lambda_D) ((- 2) + (eta * lambda_D)) lambda_D Hd1) in * by (field; repeat split; lra));
  (assert (Hs2 : 0 < (2 + (((- 1) * eta) * lambda_D))) by first [nra | pos_products; nra]);
  (assert (Hd2 : 0 < (((- 1) * lambda_D) * ((- 2) + (eta * lambda_D)))) by first [nra | pos_products; nra]);
  (try rewrite (bridge_eq ((n_D * (eta * eta)) + (((((- 1) * n_D) * eta) * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) / (lambda_D * ((- 2) + (eta * lambda_D))))) ((((- 1) * n_D) * eta) / (lambda_D * ((- 2) + (eta * lambda_D)))) ((((- 1) * n_D) * eta) * ((1 + ((- 1) * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D))))) + ((eta * lambda_D) * ((- 2) + (eta * lambda_D))))) (((- 1) * lambda_D) * ((- 2) + (eta * lambda_D))) Hd2) in * by (field; repeat split; lra));
  intuition nra.
Qed.

(* T4.stable | dynamics model | on the solvers' problem *)
Theorem T4_stable :
  forall lambda_D lambda_B eta : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (eta > 0) ->
  (lambda_D > lambda_B) ->
  ((((lambda_D <> 0) /\ (eta < (2 / lambda_D))) <-> ((((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D))) < 1))).
Proof.
  intros;
  (assert (Hs1 : 0 < lambda_D) by first [nra | pos_products; nra]);
  (assert (Hd1 : 0 < lambda_D) by first [nra | pos_products; nra]);
  (try rewrite (bridge_lt eta (2 / lambda_D) ((- 2) + (eta * lambda_D)) lambda_D Hd1) in * by (field; repeat split; lra));
  pos_products; intuition nra.
Qed.

(* T4.A_inf | dynamics model | on the solvers' problem *)
(* not checked: none of lra, nra, products; nra, division bridge, division bridge, products, psatz R 3 closed it (at most 20 s per tactic)
Theorem T4_A_inf :
  forall lambda_D lambda_B eta n_D n_B : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (eta > 0) ->
  (n_D >= 0) ->
  (n_B >= 0) ->
  (lambda_D > lambda_B) ->
  ((lambda_D <> 0) /\ (eta < (2 / lambda_D))) ->
  (lambda_D > lambda_B) ->
  (n_D > 0) ->
  (n_B > 0) ->
  ((((- 2) + (eta * lambda_B)) <> 0) /\ (((- 2) + (eta * lambda_D)) <> 0) /\ (((((((- 2) * n_B) * lambda_B) + (((- 2) * n_D) * lambda_D)) + (((n_B * eta) * lambda_B) * lambda_D)) + (((n_D * eta) * lambda_B) * lambda_D)) <> 0) /\ ((((- 2) + (eta * lambda_B)) <> 0) /\ (((- 2) + (eta * lambda_D)) <> 0) /\ (((((((- 1) * n_B) * eta) * lambda_B) / ((- 2) + (eta * lambda_B))) + (((((- 1) * n_D) * eta) * lambda_D) / ((- 2) + (eta * lambda_D)))) <> 0)) /\ ((((((((- 2) * n_B) * lambda_B) + (((- 2) * n_D) * lambda_D)) + (((n_B * eta) * lambda_B) * lambda_D)) + (((n_D * eta) * lambda_B) * lambda_D)) <> 0) /\ (((- 2) + (eta * lambda_B)) <> 0) /\ (((- 2) + (eta * lambda_D)) <> 0) /\ ((((- 2) + (eta * lambda_D)) * ((((((- 1) * n_B) * eta) * lambda_B) / ((- 2) + (eta * lambda_B))) + (((((- 1) * n_D) * eta) * lambda_D) / ((- 2) + (eta * lambda_D))))) <> 0) /\ ((((n_D * lambda_D) * ((- 2) + (eta * lambda_B))) / ((((((- 2) * n_B) * lambda_B) + (((- 2) * n_D) * lambda_D)) + (((n_B * eta) * lambda_B) * lambda_D)) + (((n_D * eta) * lambda_B) * lambda_D))) = (((((- 1) * n_D) * eta) * lambda_D) / (((- 2) + (eta * lambda_D)) * ((((((- 1) * n_B) * eta) * lambda_B) / ((- 2) + (eta * lambda_B))) + (((((- 1) * n_D) * eta) * lambda_D) / ((- 2) + (eta * lambda_D))))))))).
*)

(* T4.eta_star_fixed | dynamics model | on the solvers' problem *)
(* not checked: none of lra, nra, products; nra, division bridge, division bridge, products, psatz R 3 closed it (at most 20 s per tactic)
Theorem T4_eta_star_fixed :
  forall lambda_D lambda_B eta n_D n_B : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (eta > 0) ->
  (n_D >= 0) ->
  (n_B >= 0) ->
  (lambda_D > lambda_B) ->
  ((lambda_D <> 0) /\ (eta < (2 / lambda_D))) ->
  (lambda_D > lambda_B) ->
  (n_D > 0) ->
  (n_B > 0) ->
  ((((- 2) + (eta * lambda_B)) <> 0) /\ (((- 2) + (eta * lambda_D)) <> 0) /\ (((lambda_B * ((- 2) + (eta * lambda_B))) <> 0) /\ ((lambda_D * ((- 2) + (eta * lambda_D))) <> 0) /\ (((lambda_D * ((- 2) + (eta * lambda_B))) * ((- 2) + (eta * lambda_D))) <> 0) /\ (((lambda_B * ((- 2) + (eta * lambda_B))) * ((- 2) + (eta * lambda_D))) <> 0) /\ (((((((n_B * n_D) * eta) / (lambda_B * ((- 2) + (eta * lambda_B)))) + (((((- 1) * n_B) * n_D) * eta) / (lambda_D * ((- 2) + (eta * lambda_D))))) + ((((n_B * n_D) * lambda_B) * (eta * eta)) / ((lambda_D * ((- 2) + (eta * lambda_B))) * ((- 2) + (eta * lambda_D))))) + ((((((- 1) * n_B) * n_D) * lambda_D) * (eta * eta)) / ((lambda_B * ((- 2) + (eta * lambda_B))) * ((- 2) + (eta * lambda_D))))) <> 0)) /\ (((lambda_B * ((- 2) + (eta * lambda_B))) <> 0) /\ ((lambda_D * ((- 2) + (eta * lambda_D))) <> 0) /\ (((lambda_D * ((- 2) + (eta * lambda_B))) * ((- 2) + (eta * lambda_D))) <> 0) /\ (((lambda_B * ((- 2) + (eta * lambda_B))) * ((- 2) + (eta * lambda_D))) <> 0) /\ (((((lambda_B * lambda_D) * ((- 2) + (eta * lambda_B))) * ((- 2) + (eta * lambda_D))) * ((((((n_B * n_D) * eta) / (lambda_B * ((- 2) + (eta * lambda_B)))) + (((((- 1) * n_B) * n_D) * eta) / (lambda_D * ((- 2) + (eta * lambda_D))))) + ((((n_B * n_D) * lambda_B) * (eta * eta)) / ((lambda_D * ((- 2) + (eta * lambda_B))) * ((- 2) + (eta * lambda_D))))) + ((((((- 1) * n_B) * n_D) * lambda_D) * (eta * eta)) / ((lambda_B * ((- 2) + (eta * lambda_B))) * ((- 2) + (eta * lambda_D)))))) <> 0) /\ ((((((2 * n_B) * n_D) * (eta * eta)) * (lambda_B + ((- 1) * lambda_D))) / ((((lambda_B * lambda_D) * ((- 2) + (eta * lambda_B))) * ((- 2) + (eta * lambda_D))) * ((((((n_B * n_D) * eta) / (lambda_B * ((- 2) + (eta * lambda_B)))) + (((((- 1) * n_B) * n_D) * eta) / (lambda_D * ((- 2) + (eta * lambda_D))))) + ((((n_B * n_D) * lambda_B) * (eta * eta)) / ((lambda_D * ((- 2) + (eta * lambda_B))) * ((- 2) + (eta * lambda_D))))) + ((((((- 1) * n_B) * n_D) * lambda_D) * (eta * eta)) / ((lambda_B * ((- 2) + (eta * lambda_B))) * ((- 2) + (eta * lambda_D))))))) = eta))).
*)

(* T4.eta_D_fixed | dynamics model | on the solvers' problem *)
(* not checked: none of lra, nra, products; nra, division bridge, division bridge, products, psatz R 3 closed it (at most 20 s per tactic)
Theorem T4_eta_D_fixed :
  forall lambda_D lambda_B eta n_D n_B : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (eta > 0) ->
  (n_D >= 0) ->
  (n_B >= 0) ->
  (lambda_D > lambda_B) ->
  ((lambda_D <> 0) /\ (eta < (2 / lambda_D))) ->
  (lambda_D > lambda_B) ->
  (n_D > 0) ->
  (n_B > 0) ->
  ((((- 2) + (eta * lambda_D)) <> 0) /\ ((((- 2) + (eta * lambda_D)) <> 0) /\ ((n_D + (((((- 1) * n_D) * eta) * lambda_D) / ((- 2) + (eta * lambda_D)))) <> 0)) /\ ((((- 2) + (eta * lambda_D)) <> 0) /\ ((((- 2) + (eta * lambda_D)) * (n_D + (((((- 1) * n_D) * eta) * lambda_D) / ((- 2) + (eta * lambda_D))))) <> 0) /\ (((((- 2) * n_D) * eta) / (((- 2) + (eta * lambda_D)) * (n_D + (((((- 1) * n_D) * eta) * lambda_D) / ((- 2) + (eta * lambda_D)))))) = eta))).
*)
