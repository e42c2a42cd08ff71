from spo.entry import main

main()
