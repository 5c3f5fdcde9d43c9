from orgkg.cli import main

main()
