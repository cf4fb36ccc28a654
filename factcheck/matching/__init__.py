"""The rules' side of extraction: each rule as a weighted bag of words (`profile`), the
evidence each value of a document offers it (`evidence`), and the decision, once the
corpus is known, of which value states which fact (`decide`)."""
