"""Who did it, and to whom: role tokens read off the dependency parse.

Each role in a trigger's ``source``/``target`` list names one way to find a participant
(``subj``, ``obj``, ``prep:on`` ...). Voice, control, relative clauses and coordination
are handled here once, so the lexicon only says which slot holds which role.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Token

from flashpoint.coding.grammar import Grammar

_PASSIVE_DEPS = frozenset({"nsubjpass", "auxpass", "csubjpass"})
_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_OBJECT_DEPS = frozenset({"dobj"})
_CLAUSE_POS = frozenset({"VERB", "AUX"})
_NOUN_POS = frozenset({"NOUN", "PROPN", "PRON"})
_CONTROLLED = frozenset({"xcomp", "ccomp", "advcl", "acl"})
_MAX_DEPTH = 6
_CLAUSE_BREAKS = frozenset({",", ";", ":", "--", "\u2014"})


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ in _PASSIVE_DEPS for child in verb.children)


def _first(token: Token, deps: frozenset[str]) -> Token | None:
    return next((child for child in token.children if child.dep_ in deps), None)


def _coordinated_after(head: Token) -> tuple[Token, ...]:
    """The conjuncts a role head coordinates: all of them, but for a head that is itself
    a conjunct only those after it (a subject the parser chained onto an earlier noun
    does not take that noun along)."""
    if head.dep_ != "conj":
        return head.conjuncts
    return tuple(t for t in head.conjuncts if t.i > head.i)


def prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the named prepositions hanging off ``token`` ("sanctions on Russia")."""
    wanted = set(preps)
    return [
        grandchild
        for child in token.children
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in wanted
        for grandchild in child.children
        if grandchild.dep_ in ("pobj", "pcomp") and grandchild.ent_type_ not in ("DATE", "TIME")
    ]


class RoleFinder:
    """Finds role tokens for one grammar; ``object_control`` is extended by the lexicon's
    triggers marked ``control: object``."""

    def __init__(self, grammar: Grammar, object_control: frozenset[str]) -> None:
        self.grammar = grammar
        self.stative = grammar.stative_participles
        self.object_control = grammar.object_control | object_control
        self._kinds: dict[str, Callable[[Token, Token | None], list[Token]]] = {
            "subj": lambda tok, _obj: self.subject(tok),
            "obj": lambda tok, _obj: self.direct_object(tok),
            "dative": lambda tok, _obj: [
                c for c in tok.children if c.dep_ == "dative" and c.pos_ in _NOUN_POS
            ],
            "poss": lambda tok, _obj: [c for c in tok.children if c.dep_ == "poss"],
            "objmod": lambda _tok, obj: self.owner(obj) if obj is not None else [],
            "mod": lambda tok, _obj: [
                c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")
            ],
            "of": lambda tok, _obj: prep_objects(tok, ("of",)),
            "between": lambda tok, _obj: prep_objects(tok, ("between", "among", "amongst")),
            "comp_subj": lambda tok, _obj: self.complement_subject(tok),
            "condition_subj": lambda tok, _obj: self.condition_subject(tok),
            "purpose": lambda tok, _obj: self.purpose_arguments(tok),
        }

    # --- slots ---------------------------------------------------------------------

    def subject(self, verb: Token, depth: int = 0) -> list[Token]:
        """The doer: the subject, the by-agent of a passive, or the controller of a
        subjectless clause ("urged Putin to give" -> Putin gives)."""
        if depth > _MAX_DEPTH:
            return []
        if self.is_passive(verb):
            return [t for t in prep_objects(verb, ("by",)) if t.head.dep_ == "agent"]
        subject = _first(verb, _SUBJECT_DEPS | frozenset({"nsubjpass"}))
        if subject is not None:
            if subject.lower_ in self.grammar.relative_pronouns and verb.dep_ == "relcl":
                return [self.author(verb.head, depth)]
            return [self.author(subject, depth)]
        return self.controller(verb, depth + 1) or self.stranded_subject(verb)

    @staticmethod
    def stranded_subject(verb: Token) -> list[Token]:
        """A subject the parser hung elsewhere: the noun phrase right before a main verb
        that has none ("With the signing of the memorandum, the government and the rebels
        have agreed" parses the subject as a conjunct of "memorandum")."""
        if verb.dep_ != "ROOT" or verb.pos_ != "VERB":
            return []
        start = verb.i
        while start > verb.sent.start and verb.doc[start - 1].text not in _CLAUSE_BREAKS:
            start -= 1
        region = verb.doc[start : verb.i]
        return [
            t
            for t in region
            if t.pos_ in ("NOUN", "PROPN")
            and not (start <= t.head.i < verb.i)
            and t.dep_ in ("conj", "appos", "npadvmod", "dep")
        ][:1]

    def controller(self, verb: Token, depth: int) -> list[Token]:
        """The understood subject of a clause that has none of its own."""
        head, dep = verb.head, verb.dep_
        if head == verb or depth > _MAX_DEPTH:
            return []
        if dep == "conj":
            shared = _first(head, frozenset({"nsubj", "nsubjpass", "csubj"}))
            return [self.author(shared, depth)] if shared is not None else self.subject(head, depth)
        if dep == "relcl":
            return [self.author(head, depth)]
        if dep == "acl" and head.pos_ in _NOUN_POS and verb.tag_ == "VBG":
            return [self.author(head, depth)]
        if dep == "pcomp" and head.dep_ == "prep":
            return self._governed_by(head.head, depth, via_preposition=True)
        if dep in _CONTROLLED:
            return self._governed_by(head, depth, via_preposition=False)
        return []

    def _governed_by(self, governor: Token, depth: int, via_preposition: bool) -> list[Token]:
        """Object control ("urged X to", "accused X of") or subject control ("agreed to")."""
        if governor.pos_ in _CLAUSE_POS:
            if via_preposition or self.grammar.lemma(governor) in self.object_control:
                controller = self.direct_object(governor) or prep_objects(governor, ("on", "upon"))
                if controller:
                    return controller
            return self.subject(governor, depth + 1)
        if governor.pos_ == "ADJ":
            return self.subject(governor.head, depth + 1) if governor.head != governor else []
        return self.noun_agent(governor, depth + 1)

    def noun_agent(self, noun: Token, depth: int = 0) -> list[Token]:
        """Whose plan, decision or intention: the possessor, else the subject of the verb
        the noun depends on ("the Kremlin has no intention of invading")."""
        possessor = _first(noun, frozenset({"poss"}))
        if possessor is not None:
            return [possessor]
        head = noun.head
        if noun.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        if head == noun or head.pos_ not in _CLAUSE_POS or depth > _MAX_DEPTH:
            return []
        return self.subject(head, depth + 1)

    def author(self, token: Token, depth: int = 0) -> Token:
        """Documents stand for their authors: "a resolution asking Putin" -> the Duma."""
        if self.grammar.lemma(token) not in self.grammar.proxy_nouns:
            return token
        found = self.noun_agent(token, depth + 1)
        return found[0] if found else token

    def direct_object(self, verb: Token) -> list[Token]:
        """The patient: the object, the subject of a passive, or the noun a relative or
        participle clause modifies ("the troops it has deployed")."""
        if self.is_passive(verb):
            subject = _first(verb, frozenset({"nsubjpass"}))
            if subject is not None:
                return [subject]
            if verb.dep_ == "acl":
                return [verb.head]
            return []
        obj = _first(verb, _OBJECT_DEPS)
        if obj is not None:
            return [obj]
        if verb.dep_ == "relcl" and verb.head.pos_ in _NOUN_POS:
            subject = _first(verb, _SUBJECT_DEPS)
            if subject is not None and subject.lower_ not in self.grammar.relative_pronouns:
                return [verb.head]
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            return [verb.head]
        return []

    def is_passive(self, verb: Token) -> bool:
        """Passive voice, except participles naming a state ("is opposed to")."""
        return _is_passive(verb) and self.grammar.lemma(verb) not in self.stative

    def owner(self, thing: Token) -> list[Token]:
        """Whose proposal, demand or plan: the possessor, a nationality or name before it,
        or a by/from phrase ("rejected an Indian proposal", "calls by Kofi Annan")."""
        before = [c for c in thing.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
        return before + prep_objects(thing, ("by", "from"))

    def complement_subject(self, token: Token) -> list[Token]:
        """The subject of a that-clause: "said that the US must cancel", "its demand that
        Israel ease" (the parser may hang the clause on the verb above the noun)."""
        clause = _first(token, frozenset({"ccomp", "xcomp", "acl"}))
        if clause is None and token.pos_ in _NOUN_POS and token.head != token:
            clause = _first(token.head, frozenset({"ccomp"}))
        if clause is None:
            return []
        return [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]

    def condition_subject(self, token: Token) -> list[Token]:
        """Whose move a threat hangs on: "... unless Israel rescinds the annexation"."""
        clauses = [token, *(c for c in token.children if c.dep_ in ("xcomp", "ccomp"))]
        return [
            subject
            for clause in clauses
            for advcl in clause.children
            if advcl.dep_ == "advcl"
            and any(
                m.dep_ == "mark" and m.lower_ in self.grammar.conditional_marks
                for m in advcl.children
            )
            for subject in advcl.children
            if subject.dep_ in ("nsubj", "nsubjpass")
        ]

    def purpose_arguments(self, token: Token) -> list[Token]:
        """Who an act is aimed at when its purpose says so: the nouns of a to-clause or a
        purpose phrase on the trigger or on its clause ("began a hunger strike to protest
        the minister's decision", "marched in protest of the government's refusal"), in
        text order; the caller keeps the first that names an actor."""
        hosts = [token]
        if token.pos_ in _NOUN_POS and token.head != token:
            head = token.head.head if token.dep_ == "pobj" else token.head
            if head.pos_ in _CLAUSE_POS:
                hosts.append(head)
        clauses = [
            child
            for host in hosts
            for child in host.children
            if (child.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" for c in child.children))
            or (
                child.dep_ == "prep"
                and any(
                    g.dep_ == "pobj" and self.grammar.lemma(g) in self.grammar.purpose_nouns
                    for g in child.children
                )
            )
        ]
        return sorted(
            (
                t
                for clause in clauses
                for t in clause.subtree
                if t.pos_ in ("NOUN", "PROPN")
                and t.dep_ in ("dobj", "pobj", "poss", "compound", "nsubj")
                and self.grammar.lemma(t) not in self.grammar.purpose_nouns
                and t.lower_ not in self.grammar.pronouns
            ),
            key=lambda t: t.i,
        )

    # --- roles -----------------------------------------------------------------------

    @staticmethod
    def _hosts(anchor: Token, obj: Token | None, support: Token | None) -> list[Token]:
        """Where a trigger's prepositional roles may hang: the trigger, its object and the
        object's conjuncts ("artillery and rocket fire against X"), the light verb, and the
        of-phrase of a nominal trigger ("the withdrawal of forces from Panama")."""
        hosts = [anchor]
        if obj is not None:
            hosts += [obj, *obj.conjuncts]
        if support is not None:
            hosts.append(support)
        if anchor.pos_ in _NOUN_POS:
            hosts += prep_objects(anchor, ("of",))
        return hosts

    def find(
        self, spec: str, anchor: Token, obj: Token | None, support: Token | None
    ) -> list[Token]:
        """Role heads for one spec, with coordinated conjuncts. Preposition roles also look
        at the trigger's object ("imposed sanctions on X") and light verb ("held talks with X")."""
        kind, _, arg = spec.partition(":")
        if kind == "prep":
            heads = [
                t for host in self._hosts(anchor, obj, support) for t in prep_objects(host, (arg,))
            ]
        else:
            heads = self._kinds[kind](anchor, obj)
        return [t for head in heads for t in (head, *_coordinated_after(head))]
