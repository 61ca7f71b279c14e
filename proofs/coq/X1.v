(* salign: the PROVED propositions of X1, re-checked by the Coq kernel *)
Require Import Reals Lra Psatz List.
Require Import Model.
Open Scope R_scope.

(* X1.T1_below | loss-scaled model | on the solvers' problem *)
(* not checked: none of lra, nra, products; nra, division bridge, division bridge, products, products of hypotheses (certificate), psatz R 3 closed it (at most 20 s per tactic)
Theorem X1_T1_below :
  forall lambda_D lambda_B a b sigma2 k d_B eta : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (a > 0) ->
  (b > 0) ->
  (sigma2 >= 0) ->
  (k > 0) ->
  (d_B > 0) ->
  (eta > 0) ->
  (lambda_D > lambda_B) ->
  (lambda_D > lambda_B) ->
  True ->
  ((((((((((a * b) * (lambda_D * lambda_D)) + ((((- 1) * a) * b) * (lambda_B * lambda_B))) + ((((sigma2 * a) * b) * k) * (lambda_B * lambda_B))) + ((((sigma2 * a) * b) * k) * (lambda_D * lambda_D))) + ((((sigma2 * lambda_B) * lambda_D) * k) * (a * a))) + ((((sigma2 * lambda_B) * lambda_D) * k) * (b * b))) + ((((((- 1) * sigma2) * a) * b) * (lambda_B * lambda_B)) * (d_B + k))) + ((((((- 1) * sigma2) * lambda_B) * lambda_D) * (a * a)) * (d_B + k))) > 0) ->
  (((((((((((a * b) * (lambda_B * lambda_B)) + ((((- 1) * a) * b) * (lambda_D * lambda_D))) + ((((sigma2 * a) * b) * (lambda_B * lambda_B)) * (d_B + k))) + ((((sigma2 * lambda_B) * lambda_D) * (a * a)) * (d_B + k))) + ((((((- 1) * sigma2) * a) * b) * k) * (lambda_B * lambda_B))) + ((((((- 1) * sigma2) * a) * b) * k) * (lambda_D * lambda_D))) + ((((((- 1) * sigma2) * lambda_B) * lambda_D) * k) * (a * a))) + ((((((- 1) * sigma2) * lambda_B) * lambda_D) * k) * (b * b))) <> 0) /\ (((((((((((a * b) * (lambda_B * lambda_B)) + ((((- 1) * a) * b) * (lambda_D * lambda_D))) + ((((sigma2 * a) * b) * (lambda_B * lambda_B)) * (d_B + k))) + ((((sigma2 * lambda_B) * lambda_D) * (a * a)) * (d_B + k))) + ((((((- 1) * sigma2) * a) * b) * k) * (lambda_B * lambda_B))) + ((((((- 1) * sigma2) * a) * b) * k) * (lambda_D * lambda_D))) + ((((((- 1) * sigma2) * lambda_B) * lambda_D) * k) * (a * a))) + ((((((- 1) * sigma2) * lambda_B) * lambda_D) * k) * (b * b))) <> 0) /\ (eta < ((((2 * a) * b) * (lambda_B + ((- 1) * lambda_D))) / (((((((((a * b) * (lambda_B * lambda_B)) + ((((- 1) * a) * b) * (lambda_D * lambda_D))) + ((((sigma2 * a) * b) * (lambda_B * lambda_B)) * (d_B + k))) + ((((sigma2 * lambda_B) * lambda_D) * (a * a)) * (d_B + k))) + ((((((- 1) * sigma2) * a) * b) * k) * (lambda_B * lambda_B))) + ((((((- 1) * sigma2) * a) * b) * k) * (lambda_D * lambda_D))) + ((((((- 1) * sigma2) * lambda_B) * lambda_D) * k) * (a * a))) + ((((((- 1) * sigma2) * lambda_B) * lambda_D) * k) * (b * b))))))) ->
  ((2 <> 0) /\ (2 <> 0) /\ (2 <> 0) /\ (2 <> 0) /\ ((((lambda_B * lambda_B) * ((b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))) + (((((2 * sigma2) * lambda_B) * d_B) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) + ((lambda_D * lambda_D) * ((a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) + (((((2 * sigma2) * lambda_D) * k) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2)))))) <> 0) /\ (((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))) <> 0) /\ (((((lambda_D * lambda_D) * ((a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) + (((((2 * sigma2) * lambda_D) * k) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) / (((lambda_B * lambda_B) * ((b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))) + (((((2 * sigma2) * lambda_B) * d_B) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) + ((lambda_D * lambda_D) * ((a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) + (((((2 * sigma2) * lambda_D) * k) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))))) + ((((- 1) * a) * (lambda_D * lambda_D)) / ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))) < 0)).
*)

(* X1.T1_above | loss-scaled model | on the solvers' problem *)
(* not checked: none of lra, nra, products; nra, division bridge, division bridge, products, products of hypotheses (certificate), psatz R 3 closed it (at most 20 s per tactic)
Theorem X1_T1_above :
  forall lambda_D lambda_B a b sigma2 k d_B eta : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (a > 0) ->
  (b > 0) ->
  (sigma2 >= 0) ->
  (k > 0) ->
  (d_B > 0) ->
  (eta > 0) ->
  (lambda_D > lambda_B) ->
  (lambda_D > lambda_B) ->
  True ->
  ((((((((((a * b) * (lambda_D * lambda_D)) + ((((- 1) * a) * b) * (lambda_B * lambda_B))) + ((((sigma2 * a) * b) * k) * (lambda_B * lambda_B))) + ((((sigma2 * a) * b) * k) * (lambda_D * lambda_D))) + ((((sigma2 * lambda_B) * lambda_D) * k) * (a * a))) + ((((sigma2 * lambda_B) * lambda_D) * k) * (b * b))) + ((((((- 1) * sigma2) * a) * b) * (lambda_B * lambda_B)) * (d_B + k))) + ((((((- 1) * sigma2) * lambda_B) * lambda_D) * (a * a)) * (d_B + k))) > 0) ->
  (((((((((((a * b) * (lambda_B * lambda_B)) + ((((- 1) * a) * b) * (lambda_D * lambda_D))) + ((((sigma2 * a) * b) * (lambda_B * lambda_B)) * (d_B + k))) + ((((sigma2 * lambda_B) * lambda_D) * (a * a)) * (d_B + k))) + ((((((- 1) * sigma2) * a) * b) * k) * (lambda_B * lambda_B))) + ((((((- 1) * sigma2) * a) * b) * k) * (lambda_D * lambda_D))) + ((((((- 1) * sigma2) * lambda_B) * lambda_D) * k) * (a * a))) + ((((((- 1) * sigma2) * lambda_B) * lambda_D) * k) * (b * b))) <> 0) /\ (((((((((((a * b) * (lambda_B * lambda_B)) + ((((- 1) * a) * b) * (lambda_D * lambda_D))) + ((((sigma2 * a) * b) * (lambda_B * lambda_B)) * (d_B + k))) + ((((sigma2 * lambda_B) * lambda_D) * (a * a)) * (d_B + k))) + ((((((- 1) * sigma2) * a) * b) * k) * (lambda_B * lambda_B))) + ((((((- 1) * sigma2) * a) * b) * k) * (lambda_D * lambda_D))) + ((((((- 1) * sigma2) * lambda_B) * lambda_D) * k) * (a * a))) + ((((((- 1) * sigma2) * lambda_B) * lambda_D) * k) * (b * b))) <> 0) /\ (eta > ((((2 * a) * b) * (lambda_B + ((- 1) * lambda_D))) / (((((((((a * b) * (lambda_B * lambda_B)) + ((((- 1) * a) * b) * (lambda_D * lambda_D))) + ((((sigma2 * a) * b) * (lambda_B * lambda_B)) * (d_B + k))) + ((((sigma2 * lambda_B) * lambda_D) * (a * a)) * (d_B + k))) + ((((((- 1) * sigma2) * a) * b) * k) * (lambda_B * lambda_B))) + ((((((- 1) * sigma2) * a) * b) * k) * (lambda_D * lambda_D))) + ((((((- 1) * sigma2) * lambda_B) * lambda_D) * k) * (a * a))) + ((((((- 1) * sigma2) * lambda_B) * lambda_D) * k) * (b * b))))))) ->
  ((2 <> 0) /\ (2 <> 0) /\ (2 <> 0) /\ (2 <> 0) /\ ((((lambda_B * lambda_B) * ((b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))) + (((((2 * sigma2) * lambda_B) * d_B) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) + ((lambda_D * lambda_D) * ((a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) + (((((2 * sigma2) * lambda_D) * k) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2)))))) <> 0) /\ (((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))) <> 0) /\ (((((lambda_D * lambda_D) * ((a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) + (((((2 * sigma2) * lambda_D) * k) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) / (((lambda_B * lambda_B) * ((b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))) + (((((2 * sigma2) * lambda_B) * d_B) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) + ((lambda_D * lambda_D) * ((a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) + (((((2 * sigma2) * lambda_D) * k) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))))) + ((((- 1) * a) * (lambda_D * lambda_D)) / ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))) > 0)).
*)

(* X1.T2 | loss-scaled model | on the solvers' problem *)
(* not checked: none of lra, nra, products; nra, division bridge, division bridge, products, products of hypotheses (certificate), psatz R 3 closed it (at most 20 s per tactic)
Theorem X1_T2 :
  forall lambda_D lambda_B a b sigma2 k d_B eta : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (a > 0) ->
  (b > 0) ->
  (sigma2 >= 0) ->
  (k > 0) ->
  (d_B > 0) ->
  (eta > 0) ->
  (lambda_D > lambda_B) ->
  (lambda_D > lambda_B) ->
  True ->
  ((((((((((a * b) * (lambda_D * lambda_D)) + ((((- 1) * a) * b) * (lambda_B * lambda_B))) + ((((sigma2 * a) * b) * k) * (lambda_B * lambda_B))) + ((((sigma2 * a) * b) * k) * (lambda_D * lambda_D))) + ((((sigma2 * lambda_B) * lambda_D) * k) * (a * a))) + ((((sigma2 * lambda_B) * lambda_D) * k) * (b * b))) + ((((((- 1) * sigma2) * a) * b) * (lambda_B * lambda_B)) * (d_B + k))) + ((((((- 1) * sigma2) * lambda_B) * lambda_D) * (a * a)) * (d_B + k))) <= 0) ->
  ((2 <> 0) /\ (2 <> 0) /\ (2 <> 0) /\ (2 <> 0) /\ ((((lambda_B * lambda_B) * ((b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))) + (((((2 * sigma2) * lambda_B) * d_B) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) + ((lambda_D * lambda_D) * ((a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) + (((((2 * sigma2) * lambda_D) * k) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2)))))) <> 0) /\ (((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))) <> 0) /\ (((((lambda_D * lambda_D) * ((a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) + (((((2 * sigma2) * lambda_D) * k) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) / (((lambda_B * lambda_B) * ((b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))) + (((((2 * sigma2) * lambda_B) * d_B) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) + ((lambda_D * lambda_D) * ((a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) + (((((2 * sigma2) * lambda_D) * k) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))))) + ((((- 1) * a) * (lambda_D * lambda_D)) / ((a * (lambda_D * lambda_D)) + (b * (lambda_B * lambda_B))))) < 0)).
*)

(* X1.increments | loss-scaled model | on the solvers' problem *)
Theorem X1_increments :
  forall lambda_D lambda_B b eta sigma2 d_B a k : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (b > 0) ->
  (eta > 0) ->
  (sigma2 >= 0) ->
  (d_B > 0) ->
  (a > 0) ->
  (k > 0) ->
  (lambda_D > lambda_B) ->
  ((2 <> 0) /\ (2 <> 0) /\ (2 <> 0) /\ (2 <> 0) /\ (((((b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))) + (((((2 * sigma2) * lambda_B) * d_B) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2)))) * (((((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D))) * ((a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) + (((((2 * sigma2) * lambda_D) * k) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) + (((((2 * sigma2) * lambda_D) * k) * (eta * eta)) * ((((1 * lambda_B) * ((b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))) + (((((2 * sigma2) * lambda_B) * d_B) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) / 2) + (((1 * lambda_D) * ((a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) + (((((2 * sigma2) * lambda_D) * k) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) / 2))))) + (((- 1) * ((a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) + (((((2 * sigma2) * lambda_D) * k) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) * (((((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B))) * ((b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))) + (((((2 * sigma2) * lambda_B) * d_B) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) + (((((2 * sigma2) * lambda_B) * d_B) * (eta * eta)) * ((((1 * lambda_B) * ((b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))) + (((((2 * sigma2) * lambda_B) * d_B) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) / 2) + (((1 * lambda_D) * ((a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) + (((((2 * sigma2) * lambda_D) * k) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) / 2)))))) = (((b * ((a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) + (((((2 * sigma2) * lambda_D) * k) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) + (((- 1) * a) * ((b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))) + (((((2 * sigma2) * lambda_B) * d_B) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2)))))) * (((((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B))) * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) + ((sigma2 * (eta * eta)) * (((((((k * (lambda_D * lambda_D)) + ((lambda_B * lambda_B) * (d_B + k))) + (((- 1) * k) * (lambda_B * lambda_B))) + ((((eta * eta) * (lambda_B * lambda_B)) * (lambda_D * lambda_D)) * (d_B + k))) + (((((- 2) * eta) * lambda_B) * k) * (lambda_D * lambda_D))) + (((((- 2) * eta) * lambda_D) * (lambda_B * lambda_B)) * (d_B + k))) + ((((2 * eta) * lambda_D) * k) * (lambda_B * lambda_B)))))))).
Proof.
  intros; lra.
Qed.

(* X1.at_most_one_turn | loss-scaled model | on the solvers' problem *)
(* not checked: none of lra, nra, products; nra, products of hypotheses (certificate), psatz R 3 closed it (at most 20 s per tactic)
Theorem X1_at_most_one_turn :
  forall lambda_D lambda_B b a eta sigma2 k d_B : R,
  (lambda_D > 0) ->
  (lambda_B > 0) ->
  (b > 0) ->
  (a > 0) ->
  (eta > 0) ->
  (sigma2 >= 0) ->
  (k > 0) ->
  (d_B > 0) ->
  (lambda_D > lambda_B) ->
  (lambda_D > lambda_B) ->
  True ->
  ((2 <> 0) /\ (2 <> 0) /\ (2 <> 0) /\ (2 <> 0) /\ ((((b * ((a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) + (((((2 * sigma2) * lambda_D) * k) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) + (((- 1) * a) * ((b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))) + (((((2 * sigma2) * lambda_B) * d_B) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2)))))) * ((((b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))) + (((((2 * sigma2) * lambda_B) * d_B) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2)))) * (((((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D))) * ((a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) + (((((2 * sigma2) * lambda_D) * k) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) + (((((2 * sigma2) * lambda_D) * k) * (eta * eta)) * ((((1 * lambda_B) * ((b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))) + (((((2 * sigma2) * lambda_B) * d_B) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) / 2) + (((1 * lambda_D) * ((a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) + (((((2 * sigma2) * lambda_D) * k) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) / 2))))) + (((- 1) * ((a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) + (((((2 * sigma2) * lambda_D) * k) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) * (((((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B))) * ((b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))) + (((((2 * sigma2) * lambda_B) * d_B) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) + (((((2 * sigma2) * lambda_B) * d_B) * (eta * eta)) * ((((1 * lambda_B) * ((b * (((- 1) + (eta * lambda_B)) * ((- 1) + (eta * lambda_B)))) + (((((2 * sigma2) * lambda_B) * d_B) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) / 2) + (((1 * lambda_D) * ((a * (((- 1) + (eta * lambda_D)) * ((- 1) + (eta * lambda_D)))) + (((((2 * sigma2) * lambda_D) * k) * (eta * eta)) * ((((1 * a) * lambda_D) / 2) + (((1 * b) * lambda_B) / 2))))) / 2))))))) >= 0)).
*)
